"""The JSON Schemas of the three YAML documents (`format|diversity|ijk schema`), the docs that
describe the SOP model's keys, and checking a plain dict with the models a file is read with."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from steunwijzer.core.yaml_documents import load_yaml, validate_data
from steunwijzer.core.yaml_source import FormatError
from steunwijzer.instruments.diversity.scheme import DEFAULT_SCHEME_PATH, SchemeDoc
from steunwijzer.instruments.ijk.catalogue import DEFAULT_CATALOGUE_PATH, CatalogueDoc
from steunwijzer.regional_model.format_document import SopModelDoc
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
from tests.test_format_loader import MINIMAL, replace_once

DOCUMENTS = {
    "format": (
        SopModelDoc,
        DEFAULT_FORMAT_PATH,
        {"format", "id", "name", "version", "description", "chapters"},
    ),
    "diversity": (
        SchemeDoc,
        DEFAULT_SCHEME_PATH,
        {"scheme", "version", "name", "categories", "domains", "groups", "named_groups_for"},
    ),
    "ijk": (
        CatalogueDoc,
        DEFAULT_CATALOGUE_PATH,
        {"format", "id", "name", "version", "description", "scale", "groups", "kijkwijzer"},
    ),
}
DOC = Path(__file__).resolve().parent.parent / "docs" / "regional-model-format.md"


def printed_schema(command: str) -> dict:
    out = StringIO()
    call_command(command, "schema", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize("command", DOCUMENTS)
def test_the_command_prints_the_documents_json_schema(command):
    model, _, top_keys = DOCUMENTS[command]
    schema = printed_schema(command)
    assert schema == model.model_json_schema()
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert top_keys <= set(schema["properties"])


@pytest.mark.parametrize("command", DOCUMENTS)
def test_the_shipped_document_validates_against_its_schema(command):
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    model, path, _ = DOCUMENTS[command]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema_rs.validate(model.model_json_schema(), data)


@pytest.mark.parametrize("command", DOCUMENTS)
def test_the_shipped_document_as_a_dict_gives_what_the_file_gives(command):
    model, path, _ = DOCUMENTS[command]
    text = path.read_text(encoding="utf-8")
    from_dict = validate_data(model, yaml.safe_load(text))
    assert from_dict.model_dump() == load_yaml(model, text, path.name).model_dump()


def problems(check) -> list[tuple[str, str]]:
    with pytest.raises(FormatError) as caught:
        check()
    return [(p.path, p.message) for p in caught.value.problems]


def test_a_dict_gets_the_problems_a_file_gets_without_lines():
    text = replace_once(MINIMAL, "type: number}", "type: getal}")
    text = replace_once(text, "label: Onze visie", "lable: Onze visie")
    text = replace_once(text, "    mandatory_part: zorgplicht\n", "")
    from_file = problems(lambda: load_yaml(SopModelDoc, text, "model.yaml"))
    from_dict = problems(lambda: validate_data(SopModelDoc, yaml.safe_load(text)))
    assert len(from_file) == 4
    assert sorted(from_dict) == sorted(from_file)
    with pytest.raises(FormatError) as caught:
        validate_data(SopModelDoc, yaml.safe_load(text), "editor")
    assert all(p.line is None and str(p).startswith("editor: ") for p in caught.value.problems)


def test_a_dict_is_told_where_a_key_was_first_used_by_its_place():
    text = replace_once(MINIMAL, "field: groepsgrootte", "field: visie_tekst")
    ((_, in_file),) = problems(lambda: load_yaml(SopModelDoc, text, "model.yaml"))
    ((_, in_dict),) = problems(lambda: validate_data(SopModelDoc, yaml.safe_load(text)))
    assert "(chapters[0].sections[0].items[0], regel 22);" in in_file
    assert in_dict == in_file.replace(", regel 22", "")


# - docs/regional-model-format.md and the schema -


# A reference heading ("### Chapter (hoofdstuk)") and what follows it; a row of its table.
SECTION = re.compile(r"^### [^\n]*\(([^)\n]+)\)\n(.*?)(?=^#)", re.M | re.S)
ROW = re.compile(r"^\| (`.+?) \| (\w+)", re.M)


def documented_keys() -> dict[str, tuple[set[str], set[str]]]:
    """Per part of the reference ("hoofdstuk"), the keys its table lists and those it marks
    required."""
    parts = {}
    for name, body in SECTION.findall(DOC.read_text(encoding="utf-8")):
        table = body.split("| key | required |", 1)[-1].split("\n\n", 1)[0]
        rows = [(re.findall(r"`(\w+)`", cell), flag) for cell, flag in ROW.findall(table)]
        keys = {key for names, _ in rows for key in names}
        required = {key for names, flag in rows if flag == "yes" for key in names}
        parts[name.lower()] = (keys, required)
    return parts


def test_every_key_of_the_schema_is_in_the_docs_and_every_documented_key_in_the_schema():
    schema = SopModelDoc.model_json_schema()
    in_schema = {
        part["title"].lower(): (set(part["properties"]), set(part.get("required", [])))
        for part in [schema, *schema["$defs"].values()]
    }
    assert documented_keys() == in_schema
