"""The IJK catalogue: the default one, line-precise problems, versions per partnership, CLI."""

import pytest
from django.core.management import CommandError, call_command

from steunwijzer.instruments.ijk.catalogue import (
    DEFAULT_CATALOGUE_PATH,
    FormatError,
    catalogue_from_dict,
    parse_catalogue,
)
from steunwijzer.instruments.ijk.models import CatalogueVersion
from steunwijzer.instruments.ijk.services import (
    catalogue_for,
    catalogue_import,
    stored_catalogue_for,
)

DEFAULT = DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8")

SMALL = """\
format: ijk-catalogus
id: klein
name: Kleine catalogus
version: "1"
scale:
  - {score: 1, label: onvoldoende}
  - {score: 2, label: matig}
  - {score: 3, label: goed}
groups:
  - key: basis
    title: Basis
    standards:
      - code: A1
        title: Een
        indicators:
          - {code: A1, text: Eerste indicator}
kijkwijzer:
  - {key: kijk, text: Kijk hiernaar, indicators: [A1]}
"""


def problems(text):
    with pytest.raises(FormatError) as exc:
        parse_catalogue(text, "c.yaml")
    return [(p.line, p.path, p.message) for p in exc.value.problems]


def test_the_default_catalogue_has_the_inspectorate_standards_and_the_four_aspects():
    catalogue, definition = parse_catalogue(DEFAULT)
    codes = [s.code for s in catalogue.groups[0].standards]
    assert codes == [
        "OP0", "OP1", "OP2", "OP3", "OP4", "OP6", "SK1", "SK2",
        "OR1", "OR2", "OR3", "KA1", "KA2", "KA3",
    ]  # fmt: skip
    assert catalogue.groups[0].source == "Onderzoekskader inspectie 2021, bijgewerkt 2023"
    assert [s.title for s in catalogue.groups[1].standards] == [
        "Basiskwaliteit in de klas",
        "Preventieve en licht curatieve interventies",
        "Onderwijsondersteuningsstructuur",
        "Planmatig en handelingsgericht werken",
    ]
    assert len([i for s in catalogue.groups[1].standards for i in s.indicators]) == 13
    assert [p.label for p in catalogue.scale] == ["onvoldoende", "matig", "voldoende", "goed"]
    assert catalogue.items and all(catalogue.observable)
    assert catalogue_from_dict(definition) == catalogue


def test_it_names_the_line_of_every_problem():
    text = SMALL.replace("{score: 2, label: matig}", "{score: 5, label: matig}").replace(
        "indicators: [A1]", "indicators: [A2]"
    )
    assert problems(text) == [
        (7, "scale[1].score", "de scores moeten oplopen met 1: hier hoort 2, niet 5"),
        (18, "kijkwijzer[0].indicators[0]", "onbekende indicator 'A2'; bedoel je 'A1'?"),
    ]


def test_it_explains_yaml_syntax_errors_with_the_line():
    ((line, _, message),) = problems(SMALL.replace("title: Een", "title: Een: twee"))
    assert line == 14 and "dubbele punt" in message


def test_it_refuses_duplicate_codes_missing_keys_and_a_wrong_marker():
    text = SMALL.replace("format: ijk-catalogus", "format: sop-model").replace(
        "          - {code: A1, text: Eerste indicator}",
        "          - {code: B1, text: Eerste}\n          - {code: B1, text: Tweede}",
    )
    found = problems(text.replace("    title: Basis\n", ""))
    messages = " | ".join(m for _, _, m in found)
    assert "geen IJK-catalogus" in messages
    assert "verplichte sleutel 'title' ontbreekt" in messages
    assert "sleutel 'B1' is al gebruikt" in messages


def test_it_refuses_a_catalogue_that_is_not_utf8():
    ((line, _, message),) = problems(SMALL.encode("utf-8").replace(b"Kleine", b"Kl\xe9ine"))
    assert line == 3 and "UTF-8" in message


def test_a_version_is_imported_once_per_partnership(partnership):
    catalogue_import(partnership=partnership, text=SMALL, filename="c.yaml")
    with pytest.raises(FormatError, match="al ingelezen"):
        catalogue_import(partnership=partnership, text=SMALL, filename="c.yaml")
    newer = catalogue_import(
        partnership=partnership, text=SMALL.replace('version: "1"', 'version: "2"'), filename="c"
    )
    assert CatalogueVersion.objects.current_for(partnership) == newer


def test_a_partnership_without_a_catalogue_reads_the_default_without_storing_it(partnership):
    shown = catalogue_for(partnership)
    assert shown.catalogue_id == "steunwijzer-ijk" and shown.pk is None
    assert shown.catalogue.indicators
    assert not CatalogueVersion.objects.exists()


def test_the_first_save_that_needs_the_default_catalogue_stores_it(partnership):
    first = stored_catalogue_for(partnership)
    assert first.catalogue_id == "steunwijzer-ijk" and first.pk is not None
    assert stored_catalogue_for(partnership) == first == catalogue_for(partnership)
    assert CatalogueVersion.objects.count() == 1


def test_cli_validate_and_import(partnership, tmp_path, capsys):
    path = tmp_path / "c.yaml"
    path.write_text(SMALL, encoding="utf-8")
    call_command("ijk", "validate", str(path))
    assert "OK: Kleine catalogus 1: 1 groepen, 1 standaarden" in capsys.readouterr().out
    call_command("ijk", "import", str(path), "--partnership", partnership.slug)
    assert "Ingelezen voor" in capsys.readouterr().out
    assert CatalogueVersion.objects.get().catalogue_id == "klein"


def test_cli_reports_every_problem_and_an_unknown_partnership(partnership, tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(SMALL.replace("indicators: [A1]", "indicators: [Z9]"), encoding="utf-8")
    with pytest.raises(CommandError, match=r"c.yaml:18: kijkwijzer\[0\].indicators\[0\]"):
        call_command("ijk", "validate", str(path))
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("ijk", "import", str(DEFAULT_CATALOGUE_PATH), "--partnership", "nergens")
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("ijk", "validate", str(tmp_path / "weg.yaml"))
