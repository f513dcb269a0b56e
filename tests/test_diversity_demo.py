"""The demo's Invulschema's: every school, this year and last year, some groups over a limit."""

from steunwijzer.core.school_year import previous_school_year
from steunwijzer.demo.build import FLAGSHIP_BRIN
from steunwijzer.instruments.diversity.models import Invulschema
from steunwijzer.instruments.diversity.pupil_file import read_pupil_file
from steunwijzer.instruments.diversity.sample import SAMPLE_PATH
from steunwijzer.instruments.diversity.summary import index_by_school
from steunwijzer.organisations.models import School
from tests.diversity_helpers import this_year


def test_every_demo_school_has_an_invulschema_now_and_last_year(demo, django_assert_num_queries):
    schools = list(School.objects.all())
    assert len(schools) == 11
    for year in (this_year(), previous_school_year(this_year())):
        assert Invulschema.objects.filter(school_year=year).count() == 11
    for school in schools:
        now = Invulschema.objects.get(school=school, school_year=this_year())
        assert now.result.pupils == school.pupil_count
    with django_assert_num_queries(1):
        figures = index_by_school([s.pk for s in schools], this_year())
    assert set(figures) == {s.pk for s in schools}
    with_signals = [f for f in figures.values() if f.signal_count]
    assert 2 <= len(with_signals) < 11
    flagship = School.objects.get(brin=FLAGSHIP_BRIN)
    expected = read_pupil_file(SAMPLE_PATH.read_bytes(), "x.csv", now.scheme, "bao").counts
    assert Invulschema.objects.get(school=flagship, school_year=this_year()).counts == expected


def test_the_demo_sbo_gets_none_of_the_ordinary_schools_signals(demo):
    """SBO De Wissel: every group is over the bao limits, and none of that is a signal."""
    wissel = School.objects.get(school_type="sbo")
    invulschema = Invulschema.objects.get(school=wissel, school_year=this_year())
    assert invulschema.result.groups
    assert invulschema.result.signals == ()
    assert index_by_school([wissel.pk], this_year())[wissel.pk].signal_count == 0
