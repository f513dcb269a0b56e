"""The demo shows the IJK for real: every school scored, observations, realism flags."""

from steunwijzer.core.school_year import previous_school_year
from steunwijzer.demo.build import FLAGSHIP_BRIN
from steunwijzer.instruments.ijk.models import Observation, SelfEvaluation
from steunwijzer.instruments.ijk.result import ijk_result
from steunwijzer.organisations.models import School


def test_every_demo_school_has_ijk_scores_and_the_flagship_shows_flags(demo):
    schools = School.objects.all()
    evaluation = SelfEvaluation.objects.filter(school__brin=FLAGSHIP_BRIN).order_by("-school_year")[
        0
    ]
    year = evaluation.school_year
    this_year = SelfEvaluation.objects.filter(school_year=year)
    assert this_year.count() == schools.count() == 11
    assert all(e.scores.count() == 27 for e in this_year)
    assert SelfEvaluation.objects.filter(school_year=previous_school_year(year)).count() >= 5
    scores = {s for e in this_year for s in e.score_map().values()}
    assert scores == {1, 2, 3, 4}, "the demo shows the whole scale"

    flagship = School.objects.get(brin=FLAGSHIP_BRIN)
    assert Observation.objects.filter(school=flagship).count() >= 2
    assert Observation.objects.exclude(school=flagship).exists()
    assert {o.observer_role for o in Observation.objects.filter(school=flagship)} == {
        "board_officer",
        "peer",
    }
    flags = {f["row"].flag for f in ijk_result(flagship, year).flags()}
    assert flags == {"differs", "not_observed"}
