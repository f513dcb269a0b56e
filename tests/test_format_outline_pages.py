"""Partnership staff build the SOP model in forms: a draft per partnership, changed node by
node, checked by the loader's rules with each problem at its node, previewed and published as
a new version; the YAML editor and the form editor hand the model to each other losslessly."""

import pytest
from django.urls import reverse

from steunwijzer.regional_model.format_outline import document_yaml, node_at
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format
from steunwijzer.regional_model.models import FormatDraft, FormatVersion
from steunwijzer.regional_model.outline_forms import NODE_FORMS, RequirementsForm
from steunwijzer.regional_model.presenters import outline_tree
from steunwijzer.regional_model.services import format_draft_of

SOURCE = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")


def url(partnership, name="format_outline", **kwargs):
    return reverse(name, kwargs={"slug": partnership.slug, **kwargs})


def node_url(partnership, at):
    return url(partnership, "format_outline_node", at=at)


def form_data(form_class, node, revision, **changes):
    """What a browser sends for this node's form, unchanged but for `changes`."""
    initial = {**form_class.initial_from(node), **changes, "revision": revision}
    data = {}
    for name, value in initial.items():
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    return data


def draft():
    return FormatDraft.objects.get()


def field_form(partnership, at, **changes):
    document = _current_document(partnership)
    return form_data(NODE_FORMS["field"], node_at(document, at), token(partnership), **changes)


def _current_document(partnership):
    return format_draft_of(partnership).document


def token(partnership):
    """The draft token the outline's pages carry now."""
    return format_draft_of(partnership).token


@pytest.fixture
def signed_in(client, staff, format_version):
    client.force_login(staff)
    return client


def test_the_outline_shows_the_current_model_as_a_tree_and_writes_nothing(signed_in, partnership):
    page = signed_in.get(url(partnership)).content.decode()
    assert "Opbouw van het SOP-model" in page
    assert "Onderwijsconcept" in page and "Visie op passend onderwijs" in page
    assert "Nog geen concept" in page and "versie 2.1" in page
    assert node_url(partnership, "0.0.0") in page
    assert FormatDraft.objects.count() == 0


def test_the_versions_page_and_the_yaml_editor_link_to_the_outline(signed_in, partnership):
    assert url(partnership) in signed_in.get(url(partnership, "format_versions")).content.decode()
    assert url(partnership) in signed_in.get(url(partnership, "format_edit")).content.decode()


def test_editing_a_field_starts_a_draft_with_the_editors_name(signed_in, partnership, staff):
    page = signed_in.get(node_url(partnership, "0.0.2")).content.decode()
    assert "Veld bewerken" in page and 'value="Aantal groepen"' in page
    data = field_form(partnership, (0, 0, 2), label="Aantal klassen")
    response = signed_in.post(node_url(partnership, "0.0.2"), data)
    assert response.status_code == 302 and response["Location"].endswith("#node-0.0.2")
    assert draft().revision == 1 and draft().changed_by == staff
    assert node_at(draft().document, (0, 0, 2))["label"] == "Aantal klassen"
    assert FormatVersion.objects.count() == 1


def test_an_emptied_title_is_kept_and_shown_as_the_loaders_problem_at_its_node(
    signed_in, partnership
):
    document = _current_document(partnership)
    data = form_data(NODE_FORMS["section"], node_at(document, (1, 0)), token(partnership), title="")
    assert signed_in.post(node_url(partnership, "1.0"), data).status_code == 302
    outline = signed_in.get(url(partnership)).content.decode()
    assert "Het model heeft 1 probleem" in outline and "titel: mag niet leeg zijn" in outline
    assert "Los eerst de problemen hierboven op" in outline
    node = signed_in.get(node_url(partnership, "1.0")).content.decode()
    title_field = node[node.index('for="id_title"') :]
    assert "mag niet leeg zijn" in title_field[: title_field.index('id="id_title"')]


def test_buttons_add_move_and_remove_nodes(signed_in, partnership):
    change = url(partnership, "format_outline_change")
    response = signed_in.post(
        change, {"action": "add_field", "at": "0.0", "revision": token(partnership)}
    )
    assert response["Location"] == node_url(partnership, "0.0.4")
    assert node_at(draft().document, (0, 0, 4))["label"] == "Nieuw veld"
    titles = [c["title"] for c in draft().document["chapters"]]
    response = signed_in.post(change, {"action": "down", "at": "1", "revision": token(partnership)})
    assert response["Location"].endswith("#node-2")
    assert [c["title"] for c in draft().document["chapters"]][1:3] == [titles[2], titles[1]]
    signed_in.post(change, {"action": "remove", "at": "0.0.4", "revision": token(partnership)})
    assert len(node_at(draft().document, (0, 0))["items"]) == 4 and draft().revision == 3


def test_a_change_made_on_an_older_page_is_refused(signed_in, partnership):
    change, old = url(partnership, "format_outline_change"), token(partnership)
    signed_in.post(change, {"action": "down", "at": "1", "revision": old})
    response = signed_in.post(change, {"action": "remove", "at": "1", "revision": old}, follow=True)
    assert "Het concept is intussen gewijzigd" in response.content.decode()
    assert draft().revision == 1 and len(draft().document["chapters"]) == 6


@pytest.mark.parametrize(
    "data",
    [
        {"action": "explode", "at": "1"},
        {"action": "remove", "at": "9.9"},
        {"action": "add_field", "at": "1"},
        {"action": "up", "at": "1", "revision": "x"},
    ],
)
def test_a_button_that_does_not_fit_is_refused_in_dutch_and_writes_nothing(
    signed_in, partnership, data
):
    data = {"revision": token(partnership), **data}
    response = signed_in.post(url(partnership, "format_outline_change"), data, follow=True)
    assert "Deze wijziging kan niet worden gemaakt" in response.content.decode()
    assert FormatDraft.objects.count() == 0


def test_a_node_that_is_not_there_is_not_found(signed_in, partnership):
    for at in ("9", "0.9", "0.0.99", "x", "0.0.0.0"):
        assert signed_in.get(node_url(partnership, at)).status_code == 404


def test_a_word_budget_that_is_not_a_number_is_refused_in_dutch(signed_in, partnership):
    document = _current_document(partnership)
    data = form_data(
        NODE_FORMS["chapter"], node_at(document, (1,)), token(partnership), word_budget="veel"
    )
    response = signed_in.post(node_url(partnership, "1"), data)
    assert response.status_code == 400 and "Voer een geheel getal in." in response.content.decode()
    assert FormatDraft.objects.count() == 0


def test_a_choice_field_with_two_options_is_published_as_a_new_version(
    signed_in, partnership, format_version, profile
):
    change = url(partnership, "format_outline_change")
    signed_in.post(change, {"action": "add_field", "at": "1.0", "revision": token(partnership)})
    data = field_form(
        partnership,
        (1, 0, 2),
        label="Werkt de school met een zorgteam?",
        type="single_choice",
        choices="Ja\r\nnee_anders | Nee, op een andere manier",
    )
    signed_in.post(node_url(partnership, "1.0.2"), data)
    page = signed_in.get(url(partnership)).content.decode()
    assert "Voorbeeld van Haaglanden SOP-model 2.1" in page
    response = signed_in.post(
        url(partnership, "format_outline_publish"), {"revision": token(partnership)}
    )
    assert response["Location"] == url(partnership, "format_versions")
    current = FormatVersion.objects.current_for(partnership)
    field = current.format.field("nieuw_veld")
    assert current.version == "2.1" and field.type == "single_choice"
    assert [(c.key, c.label) for c in field.choices] == [
        ("ja", "Ja"),
        ("nee_anders", "Nee, op een andere manier"),
    ]
    profile.refresh_from_db()
    assert profile.format_version == format_version and FormatDraft.objects.count() == 0


def _table_addresses(document):
    return [
        (c, s, i)
        for c, chapter in enumerate(document["chapters"])
        for s, section in enumerate(chapter["sections"])
        for i, item in enumerate(section["items"])
        if item.get("type") == "table"
    ]


def test_a_tables_columns_are_added_renamed_retyped_reordered_and_removed_in_its_form(
    signed_in, partnership
):
    at = _table_addresses(_current_document(partnership))[0]
    address = ".".join(map(str, at))
    page = signed_in.get(node_url(partnership, address)).content.decode()
    assert "Kolommen (tabel)" in page
    assert "uren_per_week | Beschikbaar (uren per week) | Getal" in page
    columns = (
        "uren_per_week | Uren per week | Getal\r\n"
        "expertise | Waarin deskundig\r\n"
        "sinds | Sinds wanneer | datum\r\n"
        "niveau | Niveau | Eén keuze | Basis; Hoog\r\n"
    )
    data = field_form(partnership, at, columns=columns)
    assert signed_in.post(node_url(partnership, address), data).status_code == 302
    response = signed_in.post(
        url(partnership, "format_outline_publish"), {"revision": token(partnership)}
    )
    assert response["Location"] == url(partnership, "format_versions")
    field = FormatVersion.objects.current_for(partnership).format.field("expertise_team")
    assert [(c.key, c.label, c.type) for c in field.columns] == [
        ("uren_per_week", "Uren per week", "number"),
        ("expertise", "Waarin deskundig", "short_text"),
        ("sinds", "Sinds wanneer", "date"),
        ("niveau", "Niveau", "single_choice"),
    ]
    assert [c.label for c in field.columns[3].choices] == ["Basis", "Hoog"]


def test_a_column_problem_is_shown_at_its_line_of_the_columns_field(signed_in, partnership):
    at = _table_addresses(_current_document(partnership))[1]
    address = ".".join(map(str, at))
    data = field_form(partnership, at, columns="Organisatie\r\nhoe_vaak | Hoe vaak? | Eén keuze")
    assert signed_in.post(node_url(partnership, address), data).status_code == 302
    node = signed_in.get(node_url(partnership, address)).content.decode()
    columns_field = node[node.index('for="id_columns"') :]
    assert (
        "regel 2: kolomtype &#x27;single_choice&#x27; heeft keuzes nodig"
        in (columns_field[: columns_field.index('id="id_columns"')])
    )
    outline = signed_in.get(url(partnership)).content.decode()
    assert "kolommen: kolomtype &#x27;single_choice&#x27; heeft keuzes nodig" in outline


def test_a_new_table_field_gets_its_columns_from_its_form(signed_in, partnership):
    change = url(partnership, "format_outline_change")
    signed_in.post(change, {"action": "add_field", "at": "1.0", "revision": token(partnership)})
    data = field_form(
        partnership, (1, 0, 2), type="table", columns="Activiteit\r\nuren | Uren | Getal"
    )
    assert signed_in.post(node_url(partnership, "1.0.2"), data).status_code == 302
    assert node_at(draft().document, (1, 0, 2))["columns"] == [
        {"key": "activiteit", "label": "Activiteit", "type": "short_text"},
        {"key": "uren", "label": "Uren", "type": "number"},
    ]
    assert "Het model heeft" not in signed_in.get(url(partnership)).content.decode()


def test_the_shipped_tables_go_through_their_forms_and_a_new_version_unchanged(
    signed_in, partnership, format_version
):
    document = _current_document(partnership)
    addresses = _table_addresses(document)
    for at in addresses:
        data = field_form(partnership, at)
        response = signed_in.post(node_url(partnership, ".".join(map(str, at))), data)
        assert response.status_code == 302
    assert [node_at(draft().document, at) for at in addresses] == [
        node_at(document, at) for at in addresses
    ]
    response = signed_in.post(
        url(partnership, "format_outline_publish"), {"revision": token(partnership)}
    )
    assert response["Location"] == url(partnership, "format_versions")
    before, after = format_version.format, FormatVersion.objects.current_for(partnership).format
    tables = [key for key, field in before.fields.items() if field.type == "table"]
    assert len(tables) == 2
    assert [after.field(key) for key in tables] == [before.field(key) for key in tables]


def requirements_data(partnership, **changes):
    document = _current_document(partnership)
    initial = {**RequirementsForm.initial_from(document), "revision": token(partnership), **changes}
    return {k: ("on" if v is True else v) for k, v in initial.items() if v is not False}


def test_the_mandatory_parts_are_chosen_named_placed_and_published(signed_in, partnership):
    outline = signed_in.get(url(partnership)).content.decode()
    assert "Verplichte onderdelen" in outline and "Zorgplicht · in hoofdstuk" in outline
    page_url = url(partnership, "format_outline_requirements")
    assert page_url in outline
    page = signed_in.get(page_url).content.decode()
    assert 'value="Visie op passend onderwijs"' in page and "Hoofdstuk dat het behandelt" in page
    data = requirements_data(
        partnership,
        **{"visie-label": "Onze visie", "zorgplicht-fixed_text": False, "visie-chapter": "0"},
    )
    response = signed_in.post(page_url, data)
    assert response["Location"].endswith("#node-requirements")
    document = draft().document
    assert document["requirements"]["mandatory_parts"][0] == {
        "part": "visie",
        "label": "Onze visie",
    }
    assert "fixed_texts_in" not in document["requirements"]
    assert [c.get("mandatory_part") for c in document["chapters"]][:2] == ["visie", None]
    signed_in.post(url(partnership, "format_outline_publish"), {"revision": token(partnership)})
    published = FormatVersion.objects.current_for(partnership).format
    assert published.mandatory_parts["visie"] == "Onze visie"
    assert published.requirements.fixed_texts_in == ()
    assert published.chapters[0].mandatory_part == "visie"


def test_two_parts_in_one_chapter_are_refused_in_dutch(signed_in, partnership):
    data = requirements_data(partnership, **{"visie-chapter": "2"})
    response = signed_in.post(url(partnership, "format_outline_requirements"), data)
    assert response.status_code == 400
    assert "Een hoofdstuk behandelt één verplicht onderdeel" in response.content.decode()
    assert FormatDraft.objects.count() == 0


def test_the_requirements_problems_are_shown_on_their_page(signed_in, partnership):
    page_url = url(partnership, "format_outline_requirements")
    data = requirements_data(partnership, **{"visie-chapter": ""})
    assert signed_in.post(page_url, data).status_code == 302
    page = signed_in.get(page_url).content.decode()
    assert "het verplichte onderdeel &#x27;Visie op passend onderwijs&#x27; ontbreekt" in page


def test_a_draft_with_problems_is_not_published(signed_in, partnership):
    document = _current_document(partnership)
    data = form_data(NODE_FORMS["chapter"], node_at(document, (1,)), token(partnership), title="")
    signed_in.post(node_url(partnership, "1"), data)
    response = signed_in.post(
        url(partnership, "format_outline_publish"), {"revision": token(partnership)}
    )
    assert "mag niet leeg zijn" in signed_in.get(response["Location"]).content.decode()
    assert FormatVersion.objects.count() == 1 and draft().revision == 1


def test_a_draft_with_a_version_used_before_is_refused(signed_in, partnership):
    document = _current_document(partnership)
    data = form_data(NODE_FORMS["model"], document, token(partnership), version="2.0")
    signed_in.post(node_url(partnership, "model"), data)
    response = signed_in.post(
        url(partnership, "format_outline_publish"), {"revision": token(partnership)}
    )
    assert "verhoog het versienummer" in signed_in.get(response["Location"]).content.decode()
    assert FormatVersion.objects.count() == 1


def test_discarding_the_draft_starts_again_from_the_current_version(signed_in, partnership):
    signed_in.post(
        url(partnership, "format_outline_change"),
        {"action": "remove", "at": "1", "revision": token(partnership)},
    )
    response = signed_in.post(
        url(partnership, "format_outline_discard"), {"revision": token(partnership)}
    )
    assert FormatDraft.objects.count() == 0
    assert "Het concept is weggegooid" in signed_in.get(response["Location"]).content.decode()


def test_the_yaml_editor_and_the_form_editor_hand_the_model_over_losslessly(signed_in, partnership):
    edited = SOURCE.replace('version: "2.0"', 'version: "2.5"')
    data = {"source": edited, "action": "outline"}
    response = signed_in.post(url(partnership, "format_edit"), data)
    assert response["Location"] == url(partnership)
    # Every node's form sent back as shown: the draft still says what the file said.
    document = draft().document
    addresses = [
        (c, s, i)[:depth]
        for c, chapter in enumerate(document["chapters"])
        for s, section in enumerate(chapter["sections"])
        for i in range(len(section["items"]))
        for depth in (1, 2, 3)
    ]
    for address in dict.fromkeys(addresses):
        node = node_at(draft().document, address)
        kind = ("chapter", "section")[len(address) - 1] if len(address) < 3 else None
        kind = kind or ("fixed_text" if "fixed_text" in node else "field")
        at = ".".join(map(str, address))
        data = form_data(NODE_FORMS[kind], node, token(partnership))
        assert signed_in.post(node_url(partnership, at), data).status_code == 302, at
    data = form_data(NODE_FORMS["model"], document, token(partnership))
    signed_in.post(node_url(partnership, "model"), data)
    page = signed_in.get(url(partnership, "format_edit"), {"concept": 1}).content.decode()
    assert "version: &#x27;2.5&#x27;" in page
    assert parse_format(document_yaml(draft().document))[1] == parse_format(edited)[1]


def test_a_model_with_problems_does_not_go_to_the_form_editor(signed_in, partnership):
    broken = SOURCE.replace("type: long_text", "type: tekst", 1)
    data = {"source": broken, "action": "outline"}
    response = signed_in.post(url(partnership, "format_edit"), data)
    assert response.status_code == 422 and FormatDraft.objects.count() == 0


DENIED = ["other_staff", "officer", "editor"]


@pytest.mark.parametrize("persona", DENIED)
def test_only_the_partnerships_staff_see_or_change_the_draft(
    request, client, partnership, format_version, persona
):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(partnership)).status_code == 403
    assert client.get(node_url(partnership, "0")).status_code == 403
    for name, data in [
        ("format_outline_change", {"action": "remove", "at": "0", "revision": token(partnership)}),
        ("format_outline_publish", {"revision": token(partnership)}),
        ("format_outline_discard", {"revision": token(partnership)}),
    ]:
        assert client.post(url(partnership, name), data).status_code == 403
    response = client.post(
        node_url(partnership, "model"), {"name": "x", "revision": token(partnership)}
    )
    assert response.status_code == 403
    requirements = url(partnership, "format_outline_requirements")
    assert client.get(requirements).status_code == 403
    assert client.post(requirements, {"visie-required": "on", "revision": 0}).status_code == 403
    assert FormatDraft.objects.count() == 0


def test_a_visitor_is_sent_to_sign_in(client, partnership, format_version):
    for response in (
        client.get(url(partnership)),
        client.post(url(partnership, "format_outline_change"), {"action": "remove", "at": "0"}),
    ):
        assert response.status_code == 302 and "inloggen" in response["Location"]
    assert FormatDraft.objects.count() == 0


def test_a_page_of_a_published_draft_does_not_change_the_next_draft(signed_in, partnership):
    change = url(partnership, "format_outline_change")
    signed_in.post(change, {"action": "add_chapter", "at": "", "revision": token(partnership)})
    old = token(partnership)
    data = form_data(NODE_FORMS["model"], _current_document(partnership), old, version="2.1")
    signed_in.post(node_url(partnership, "model"), data)
    signed_in.post(url(partnership, "format_outline_publish"), {"revision": token(partnership)})
    # A colleague starts the next draft: its first change, like the old one's, is revision 1.
    signed_in.post(change, {"action": "down", "at": "1", "revision": token(partnership)})
    before = draft().document
    response = signed_in.post(change, {"action": "remove", "at": "1", "revision": old}, follow=True)
    assert "Het concept is intussen gewijzigd" in response.content.decode()
    assert draft().document == before


def test_a_page_of_the_version_before_a_yaml_publish_changes_nothing(signed_in, partnership):
    old = token(partnership)
    edited = SOURCE.replace('version: "2.0"', 'version: "2.5"')
    signed_in.post(url(partnership, "format_edit"), {"source": edited, "action": "publish"})
    data = field_form(partnership, (0, 0, 2), label="Aantal klassen") | {"revision": old}
    response = signed_in.post(node_url(partnership, "0.0.2"), data, follow=True)
    assert "Het concept is intussen gewijzigd" in response.content.decode()
    assert FormatDraft.objects.count() == 0 and FormatVersion.objects.count() == 2


def test_the_yaml_editor_does_not_silently_replace_a_colleagues_draft(
    signed_in, partnership, staff
):
    page = signed_in.get(url(partnership, "format_edit")).content.decode()
    seen = token(partnership)
    assert f'name="draft" value="{seen}"' in page
    # A colleague starts a draft in the form editor meanwhile.
    change = url(partnership, "format_outline_change")
    signed_in.post(change, {"action": "remove", "at": "1", "revision": seen})
    before = draft().document
    edited = SOURCE.replace('version: "2.0"', 'version: "2.5"')
    data = {"source": edited, "action": "outline", "draft": seen}
    response = signed_in.post(url(partnership, "format_edit"), data)
    page = response.content.decode()
    assert response.status_code == 409 and "is niet vervangen" in page
    assert url(partnership) in page and draft().document == before
    # Choosing the button again, now knowing about the draft, replaces it.
    assert f'name="draft" value="{token(partnership)}"' in page
    data["draft"] = token(partnership)
    assert signed_in.post(url(partnership, "format_edit"), data).status_code == 302
    assert draft().document["version"] == "2.5"


def test_the_outline_names_a_chapters_mandatory_part_in_words(signed_in, partnership):
    page = signed_in.get(url(partnership)).content.decode()
    assert "Verplicht onderdeel: Extra ondersteuning" in page
    assert "Verplicht onderdeel: extra_ondersteuning" not in page


def test_the_outline_names_a_mandatory_part_as_the_drafts_requirements_call_it(
    partnership, format_version
):
    document = _current_document(partnership)
    document["requirements"]["mandatory_parts"][2]["label"] = "Extra steun"
    parts = [chapter["part"] for chapter in outline_tree(document, [])["chapters"]]
    assert "Extra steun" in parts and "extra_ondersteuning" not in parts
