"""The scheme as versioned data: the shipped default, checking YAML, and the diversity command."""

import pytest
from django.core.management import CommandError, call_command

from steunwijzer.instruments.diversity.models import SchemeVersion
from steunwijzer.instruments.diversity.scheme import (
    DEFAULT_SCHEME_PATH,
    default_scheme,
    parse_scheme,
)
from steunwijzer.instruments.diversity.services import invulschema_save, scheme_for
from steunwijzer.regional_model.loader import FormatError
from tests.diversity_helpers import this_year

OWN_SCHEME = """\
scheme: eigen
version: "2.0"
name: Eigen schema
categories:
  - {key: licht, label: Licht, points: 1}
  - {key: zwaar, label: Zwaar, points: 3}
groups: ["1", "2"]
signals:
  - key: veel
    measure: pupils
    label: zware ondersteuning nodig
    categories: [zwaar]
    levels: [{from_size: 0, above: 2}]
"""


def test_the_default_scheme_has_todays_categories_and_points():
    scheme = default_scheme()
    assert [(c.key, float(c.points)) for c in scheme.categories] == [
        ("geen", 1),
        ("basis", 1.5),
        ("extra", 2),
        ("tlv", 4),
    ]
    assert [d.key for d in scheme.domains] == [
        "leren",
        "gedrag",
        "sociaal-emotioneel",
        "fysiek-medisch",
        "taal-nt2",
        "hoogbegaafdheid",
    ]
    assert {"1", "8", "5/6", "1/2"} <= set(scheme.groups)
    assert scheme.match_group("Groep 5 - 6") == "5/6" and scheme.match_group("6B") == "6b"
    assert scheme.match_group("Middenbouw", "sbo") == "Middenbouw"
    assert scheme.match_group("Middenbouw", "bao") is None


def test_every_problem_names_its_line_and_path():
    bad = OWN_SCHEME.replace("points: 3", "points: drie").replace("[zwaar]", "[onbekend]")
    with pytest.raises(FormatError) as exc:
        parse_scheme(bad, "eigen.yaml")
    assert [str(p) for p in exc.value.problems] == [
        "eigen.yaml:6: categories[1].points: hier hoort een getal, maar er staat de tekst 'drie'",
        "eigen.yaml:12: signals[0].categories[0]: onbekende categorie 'onbekend'",
    ]


def test_yaml_syntax_errors_get_the_regional_models_dutch_hint():
    with pytest.raises(FormatError) as exc:
        parse_scheme("scheme: a: b\n", "x.yaml")
    assert "hier mag geen ':' staan" in str(exc.value)


@pytest.mark.django_db
def test_a_partnership_without_its_own_scheme_uses_the_default(partnership, school):
    assert scheme_for(partnership) == default_scheme()
    invulschema_save(school=school, school_year=this_year(), counts={"6": {"geen": 240}})
    assert SchemeVersion.objects.get().scheme_id == "verscheidenheid-standaard"


@pytest.mark.django_db
def test_the_command_validates_and_imports_a_scheme_as_a_new_version(partnership, tmp_path, capsys):
    own = tmp_path / "eigen.yaml"
    own.write_text(OWN_SCHEME, encoding="utf-8")
    call_command("diversity", "validate", str(own))
    assert "OK: Eigen schema 2.0: 2 categorieën" in capsys.readouterr().out
    call_command("diversity", "import", str(own), "--partnership", "testregio")
    assert scheme_for(partnership).id == "eigen"
    with pytest.raises(CommandError, match=r"Versie 2\.0 van schema eigen is al ingelezen"):
        call_command("diversity", "import", str(own), "--partnership", "testregio")
    assert SchemeVersion.objects.count() == 1


@pytest.mark.django_db
def test_the_command_explains_a_bad_file(tmp_path):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("scheme: x\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"kapot\.yaml is niet in orde"):
        call_command("diversity", "validate", str(bad))
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("diversity", "validate", str(tmp_path / "weg.yaml"))
    call_command("diversity", "validate", str(DEFAULT_SCHEME_PATH))
