"""Partnership staff keep their Verscheidenheidsindex scheme and IJK catalogue in the browser:
the versions, a new file checked and previewed before it is published, the files of each
version, and two versions compared. Every bad file is refused whole, in Dutch, storing nothing;
what schools made keeps the version it was made with; only the partnership's staff get in."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunwijzer.instruments.diversity.models import Invulschema, SchemeVersion
from steunwijzer.instruments.diversity.scheme import (
    DEFAULT_SCHEME_PATH,
    parse_scheme,
    parse_scheme_bounded,
)
from steunwijzer.instruments.diversity.services import invulschema_save
from steunwijzer.instruments.ijk.catalogue import (
    DEFAULT_CATALOGUE_PATH,
    parse_catalogue,
    parse_catalogue_bounded,
)
from steunwijzer.instruments.ijk.models import CatalogueVersion
from steunwijzer.instruments.ijk.rules import ScoreInput
from steunwijzer.instruments.ijk.services import evaluation_for, scores_save
from steunwijzer.organisations.models import Partnership
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, MAX_SOURCE_BYTES
from tests import documents
from tests.diversity_helpers import this_year

SCHEME_YAML = DEFAULT_SCHEME_PATH.read_text(encoding="utf-8")
CATALOGUE_YAML = DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8")

KINDS = {
    "scheme": SimpleNamespace(
        name="diversity_scheme",
        model=SchemeVersion,
        source=SCHEME_YAML,
        version=('version: "1.0"', 'version: "1.1"'),
        edit=("points: 1.5", "points: 1.75"),
        edited=("punten per leerling", "1,5", "1,75"),
        wrong_kind=(
            CATALOGUE_YAML,
            "Dit bestand is een IJK-catalogus; hier hoort een schema voor de "
            "Verscheidenheidsindex.",
        ),
        problem=(
            "points: 1.5",
            "points: 0",
            "punten moeten groter dan 0 zijn",
        ),
    ),
    "catalogue": SimpleNamespace(
        name="ijk_catalogue",
        model=CatalogueVersion,
        source=CATALOGUE_YAML,
        version=('version: "2025.1"', 'version: "2025.2"'),
        edit=("Het aanbod is breed", "Het aanbod is rijk"),
        edited=("tekst", "Het aanbod is breed", "Het aanbod is rijk"),
        wrong_kind=(
            SCHEME_YAML,
            "Dit bestand is een schema voor de Verscheidenheidsindex; hier hoort een "
            "IJK-catalogus.",
        ),
        problem=(
            "indicators: [OP3, IJK04]",
            "indicators: [OP33, IJK04]",
            "onbekende indicator &#x27;OP33&#x27;; bedoel je",
        ),
    ),
}


@pytest.fixture(params=KINDS)
def kind(request):
    return KINDS[request.param]


def url(kind, page, partnership, **kwargs):
    return reverse(f"{kind.name}_{page}", kwargs={"slug": partnership.slug, **kwargs})


def newer(kind) -> str:
    old, new = kind.version
    return kind.source.replace(old, new).replace(*kind.edit)


def preview(client, kind, partnership, data: bytes, name="nieuw.yaml"):
    upload = SimpleUploadedFile(name, data)
    return client.post(url(kind, "preview", partnership), {"file": upload})


def publish(client, kind, partnership, source: str):
    data = {"source": source, "filename": "nieuw.yaml"}
    return client.post(url(kind, "publish", partnership), data)


# - versions, preview, publish -


def test_staff_see_that_steunwijzers_file_applies_until_they_publish_their_own(
    client, partnership, staff, kind
):
    client.force_login(staff)
    response = client.get(url(kind, "versions", partnership))
    assert response.status_code == 200
    assert "Nog geen versie gepubliceerd" in response.content.decode()
    assert not kind.model.objects.exists()  # reading stores nothing, not even the default
    default = client.get(url(kind, "default", partnership))
    assert default.content.decode() == kind.source


def test_the_preview_shows_what_the_file_contains_and_changes_and_stores_nothing(
    client, partnership, staff, kind
):
    client.force_login(staff)
    response = preview(client, kind, partnership, newer(kind).encode())
    body = response.content.decode()
    assert response.status_code == 200
    label, before, after = kind.edited
    assert "Wat er verandert ten opzichte van" in body
    assert f"<strong>{label}</strong>" in body and before in body and after in body
    assert "Wat er in de nieuwe versie staat" in body
    assert "Publiceren als nieuwe versie" in body
    assert not kind.model.objects.exists()


def test_publishing_makes_the_new_version_current(client, partnership, staff, kind):
    client.force_login(staff)
    response = publish(client, kind, partnership, newer(kind))
    assert response.status_code == 302
    current = kind.model.objects.current_for(partnership)
    assert current.version == kind.version[1].split('"')[1]
    assert current.imported_by == staff
    page = client.get(url(kind, "versions", partnership)).content.decode()
    assert "is gepubliceerd" in page and "huidig" in page


def test_an_invulschema_keeps_the_scheme_version_it_was_made_with(
    client, partnership, staff, school, other_school, editor, other_editor
):
    kind = KINDS["scheme"]
    year = this_year()
    invulschema_save(school=school, school_year=year, user=editor, counts={"6": {"geen": 240}})
    made = Invulschema.objects.get(school=school)
    client.force_login(staff)
    publish(client, kind, partnership, newer(kind))
    made.refresh_from_db()
    assert made.scheme_version.version == "1.0"
    invulschema_save(
        school=other_school, school_year=year, user=other_editor, counts={"6": {"geen": 240}}
    )
    assert Invulschema.objects.get(school=other_school).scheme_version.version == "1.1"


def test_a_self_evaluation_keeps_the_catalogue_version_it_was_made_with(
    client, partnership, staff, school, other_school, editor
):
    kind = KINDS["catalogue"]
    evaluation = scores_save(
        school=school, school_year=this_year(), user=editor, scores={"OP1": ScoreInput(3, "", "")}
    )
    client.force_login(staff)
    publish(client, kind, partnership, newer(kind))
    evaluation.refresh_from_db()
    assert evaluation.catalogue.version == "2025.1"
    started = evaluation_for(other_school, this_year(), create=True)
    assert started.catalogue.version == "2025.2"
    assert started.catalogue.catalogue.indicators["OP1"].text.startswith("Het aanbod is rijk")


def test_staff_download_the_file_of_each_version(client, partnership, staff, kind):
    client.force_login(staff)
    publish(client, kind, partnership, newer(kind))
    version = kind.model.objects.get()
    response = client.get(url(kind, "source", partnership, pk=version.pk))
    assert response.content.decode() == newer(kind)
    assert f"-{version.version}.yaml" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment")


def test_comparing_two_versions_names_the_change_with_before_and_after(
    client, partnership, staff, kind
):
    client.force_login(staff)
    publish(client, kind, partnership, kind.source)
    publish(client, kind, partnership, newer(kind))
    old, new = kind.model.objects.order_by("pk")
    response = client.get(url(kind, "compare", partnership), {"a": old.pk, "b": new.pk})
    body = response.content.decode()
    label, before, after = kind.edited
    assert response.status_code == 200
    assert "Gewijzigd" in body and f"<strong>{label}</strong>" in body
    assert f"<del>{before}" in body and f"<ins>{after}" in body
    same = client.get(url(kind, "compare", partnership), {"a": new.pk, "b": new.pk})
    assert "De twee versies verschillen niet." in same.content.decode()


def test_a_version_of_another_partnership_cannot_be_compared(client, partnership, staff, kind):
    elders = Partnership.objects.create(name="SWV Elders", short_name="Elders", slug="elders")
    client.force_login(staff)
    publish(client, kind, partnership, kind.source)
    ours = kind.model.objects.get()
    theirs = _store(kind, elders)
    response = client.get(url(kind, "compare", partnership), {"a": ours.pk, "b": theirs.pk})
    assert response.status_code == 400
    assert "Kies een van de versies die dit samenwerkingsverband heeft gepubliceerd." in (
        response.content.decode()
    )


def _store(kind, partnership):
    from steunwijzer.instruments.diversity.services import scheme_import
    from steunwijzer.instruments.ijk.services import catalogue_import

    store = scheme_import if kind.model is SchemeVersion else catalogue_import
    return store(partnership=partnership, text=kind.source, filename="x.yaml")


# - bad files: refused whole, in Dutch, nothing stored -


def _many_entries() -> bytes:
    """Just under 1 MB of small entries: half a minute of PyYAML and checks in one process."""
    entries = "".join(f"  - {{key: k{i}, label: L{i}, points: 1}}\n" for i in range(30_000))
    text = ('scheme: x\nversion: "1"\nname: x\ngroups: ["1"]\ncategories:\n' + entries).encode()
    return text[: text.rfind(b"\n", 0, MAX_SOURCE_BYTES - 100) + 1]


def test_an_upload_is_read_in_the_bounded_child_as_the_loader_reads_it():
    assert parse_scheme_bounded(SCHEME_YAML, "s.yaml") == parse_scheme(SCHEME_YAML, "s.yaml")
    assert parse_catalogue_bounded(CATALOGUE_YAML, "c.yaml") == parse_catalogue(
        CATALOGUE_YAML, "c.yaml"
    )


BAD_FILES = {
    "empty": (b"", 422, "het bestand is leeg"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + documents.PDF, 422, "dit is een PDF-bestand"),
    "png": (documents.PNG, 422, "dit is een PNG-afbeelding, geen YAML-tekst"),
    "not utf-8": (bytes(range(128, 256)) * 16, 422, "geen geldige UTF-8-tekst"),
    "invalid yaml": (b"name: [niet gesloten\n  - : :\n", 422, "YAML-fout"),
    "nested too deep": (b"name: " + b"[" * 5000 + b"]" * 5000 + b"\n", 422, "te diep genest"),
    "only comments": (b"# niets\n", 422, "het bestand bevat alleen commentaar"),
    "too large": (b"# " + b"x" * MAX_SOURCE_BYTES + b"\n", 400, "groter dan 1 MB"),
    "too costly to read": (_many_entries(), 422, "het bestand is niet binnen 5 seconden te lezen"),
    "an SOP model": (
        DEFAULT_FORMAT_PATH.read_bytes(),
        422,
        "Dit bestand is een SOP-model; hier hoort een ",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_file_that_is_no_definition_is_refused_in_dutch(client, partnership, staff, kind, case):
    data, status, message = BAD_FILES[case]
    client.force_login(staff)
    response = preview(client, kind, partnership, data)
    assert response.status_code == status
    assert message in response.content.decode()
    assert "Publiceren als nieuwe versie" not in response.content.decode()
    assert not kind.model.objects.exists()


def test_the_other_instruments_file_is_named_as_such(client, partnership, staff, kind):
    source, message = kind.wrong_kind
    client.force_login(staff)
    response = preview(client, kind, partnership, source.encode())
    assert response.status_code == 422
    assert message in response.content.decode()


def test_a_file_with_a_mistake_is_refused_naming_its_line_and_place(
    client, partnership, staff, kind
):
    old, new, message = kind.problem
    source = kind.source.replace(old, new, 1)
    line = kind.source[: kind.source.index(old)].count("\n") + 1
    client.force_login(staff)
    response = preview(client, kind, partnership, source.encode())
    body = response.content.decode()
    assert response.status_code == 422
    assert message in body and f"<td>{line}</td>" in body
    assert "Er is niets gepubliceerd: het bestand heeft 1 probleem." in body


def test_no_file_is_asked_for(client, partnership, staff, kind):
    client.force_login(staff)
    response = client.post(url(kind, "preview", partnership))
    assert response.status_code == 400
    assert "Kies een YAML-bestand." in response.content.decode()


def test_a_version_published_before_is_refused_at_preview_and_at_publishing(
    client, partnership, staff, kind
):
    client.force_login(staff)
    publish(client, kind, partnership, kind.source)
    for response in (
        preview(client, kind, partnership, kind.source.encode()),
        publish(client, kind, partnership, kind.source),
    ):
        assert response.status_code == 422
        assert "verhoog het versienummer" in response.content.decode()
    assert kind.model.objects.count() == 1


def test_what_is_published_is_checked_again_whole(client, partnership, staff, kind):
    old, new, message = kind.problem
    client.force_login(staff)
    response = publish(client, kind, partnership, kind.source.replace(old, new, 1))
    assert response.status_code == 422
    assert message in response.content.decode()
    missing = publish(client, kind, partnership, "")
    assert missing.status_code == 400
    assert "Het bestand om te publiceren ontbreekt; lees het opnieuw in." in (
        missing.content.decode()
    )
    assert not kind.model.objects.exists()


# - who may -


@pytest.mark.parametrize("persona", ["editor", "officer", "other_staff", "outsider"])
def test_only_the_partnerships_staff_keep_its_scheme_and_catalogue(
    request, client, partnership, kind, persona
):
    client.force_login(request.getfixturevalue(persona))
    version = _store(kind, partnership)
    for page, kwargs in (
        ("versions", {}),
        ("source", {"pk": version.pk}),
        ("default", {}),
        ("compare", {}),
    ):
        assert client.get(url(kind, page, partnership, **kwargs)).status_code == 403, page
    assert preview(client, kind, partnership, newer(kind).encode()).status_code == 403
    assert publish(client, kind, partnership, newer(kind)).status_code == 403
    assert kind.model.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, partnership, kind):
    for response in (
        client.get(url(kind, "versions", partnership)),
        publish(client, kind, partnership, newer(kind)),
    ):
        assert response.status_code == 302
        assert "/inloggen/" in response["Location"] or "login" in response["Location"]
    assert not kind.model.objects.exists()


def test_staff_find_the_pages_from_the_sop_model_and_their_home(
    client, partnership, staff, format_version
):
    client.force_login(staff)
    model_page = client.get(reverse("format_versions", args=[partnership.slug])).content.decode()
    home = client.get("/").content.decode()
    for page in (model_page, home):
        assert url(KINDS["scheme"], "versions", partnership) in page
        assert url(KINDS["catalogue"], "versions", partnership) in page
