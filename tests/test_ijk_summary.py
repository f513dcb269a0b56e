"""scores_by_standard: the IJK figures of many schools for the board and partnership overviews."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from steunwijzer.instruments.ijk.summary import scores_by_standard
from steunwijzer.organisations.models import School
from tests.conftest import make_school
from tests.ijk_helpers import LAST_YEAR, YEAR, fill


def test_it_gives_the_mean_per_standard_per_school(school, other_school, editor, other_editor):
    fill(school, editor, score=3, IJK01=4, IJK02=2, IJK04=2)
    fill(other_school, other_editor, score=2, year=LAST_YEAR)
    result = scores_by_standard([school.pk, other_school.pk], YEAR)
    assert list(result) == [school.pk]
    assert result[school.pk]["OP1"] == 3.0
    assert result[school.pk]["BO1"] == (4 + 2 + 2) / 3
    assert len(result[school.pk]) == 18
    assert scores_by_standard([other_school.pk], LAST_YEAR)[other_school.pk]["KA3"] == 2.0


def test_it_takes_one_query_however_many_schools(board, school, editor):
    fill(school, editor)
    with CaptureQueriesContext(connection) as few:
        scores_by_standard([school.pk], YEAR)
    for n in range(5):
        extra = make_school(board, f"9{n}ZZ", f"School {n}")
        fill(extra, editor_of(extra))
    with CaptureQueriesContext(connection) as many:
        result = scores_by_standard(School.objects.values_list("pk", flat=True), YEAR)
    assert len(result) == 6
    assert len(few) == len(many) == 1


def editor_of(school):
    from steunwijzer.organisations.models import Role
    from tests.conftest import grant, make_user

    user = make_user(f"redacteur{school.pk}")
    grant(user, Role.SCHOOL_EDITOR, school=school)
    return user
