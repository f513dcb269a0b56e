"""The school finder: filters on the search index, and why each school matches."""

import pytest

from steunwijzer.profiles.services import profile_create
from steunwijzer.publication.models import FinderEntry, FinderWord
from steunwijzer.publication.search_index import rebuild_index
from tests.conftest import make_school


def test_publishing_writes_one_index_row_per_school(two_published):
    assert FinderEntry.objects.count() == 2
    entry = FinderEntry.objects.get(brin_code="12AB00")
    assert " expertise_aanbod.dyslexie " in entry.offers
    assert entry.district == "Escamp"


def test_it_lists_all_published_schools(client, two_published):
    html = client.get("/scholen/").content.decode()
    assert "2 scholen gevonden" in html
    assert "De Regenboog" in html and "De Vlieger" in html


def test_it_filters_by_offer_and_says_why(client, two_published):
    html = client.get("/scholen/", {"aanbod": "expertise_aanbod.autisme"}).content.decode()
    assert "1 school gevonden" in html
    assert "De Regenboog" in html and "De Vlieger" not in html
    assert "biedt: Autisme" in html


def test_it_filters_by_district_municipality_and_denomination(client, two_published):
    assert "De Vlieger" not in client.get("/scholen/", {"wijk": "Escamp"}).content.decode()
    assert "1 school gevonden" in client.get("/scholen/", {"wijk": "Loosduinen"}).content.decode()
    assert "2 scholen" in client.get("/scholen/", {"gemeente": "Den Haag"}).content.decode()
    assert "0 scholen" in client.get("/scholen/", {"denominatie": "islamitisch"}).content.decode()


def test_words_match_from_their_start_and_all_must_match(client, two_published):
    assert "1 school gevonden" in client.get("/scholen/", {"q": "Stilte"}).content.decode()
    assert "0 scholen" in client.get("/scholen/", {"q": "iltehoek"}).content.decode()
    both = client.get("/scholen/", {"q": "stiltehoek plusklas"}).content.decode()
    assert "0 scholen" in both
    assert "1 school" in client.get("/scholen/", {"q": "vlieger plusklas"}).content.decode()


def test_free_text_shows_the_snippet_where_it_matched(client, two_published):
    html = client.get("/scholen/", {"q": "stiltehoek"}).content.decode()
    assert "1 school gevonden" in html
    assert "stiltehoek de hele dag" in html
    assert "Wat kunnen wij niet bieden?" in html


def test_unknown_offers_and_bad_pages_are_ignored(client, two_published):
    response = client.get("/scholen/", {"aanbod": "bestaat.niet", "pagina": "x"})
    assert response.status_code == 200
    assert "2 scholen gevonden" in response.content.decode()


def test_the_finder_never_shows_unpublished_schools(
    client, two_published, single_school, format_version, other_officer
):
    profile_create(school=single_school, school_year="2026-2027", user=other_officer)
    assert "Het Baken" not in client.get("/scholen/").content.decode()


def test_rebuild_gives_the_same_rows(two_published):
    before = sorted(FinderEntry.objects.values_list("brin_code", "offers", "text__texts"))
    words = sorted(FinderWord.objects.values_list("entry__brin_code", "word"))
    FinderEntry.objects.all().delete()
    assert rebuild_index() == 2
    after = sorted(FinderEntry.objects.values_list("brin_code", "offers", "text__texts"))
    assert before == after
    assert sorted(FinderWord.objects.values_list("entry__brin_code", "word")) == words


def test_the_rebuild_command_reports_the_count(two_published, capsys):
    from django.core.management import call_command

    call_command("rebuild_finder_index")
    assert "2 scholen" in capsys.readouterr().out


def test_a_failing_index_leaves_the_publication_untaken(
    profile, editor, mr_member, officer, staff, monkeypatch
):
    from steunwijzer.publication import receivers
    from tests.publication_helpers import publish as do_publish

    written = receivers.index_school

    def broken(school):
        written(school)  # the row is written, then the index fails
        raise RuntimeError("index kapot")

    monkeypatch.setattr(receivers, "index_school", broken)
    with pytest.raises(RuntimeError):
        do_publish(profile, editor=editor, mr=mr_member, officer=officer, staff=staff)
    profile.refresh_from_db()
    assert profile.state == "ontvangen"
    assert profile.published_revision_id is None
    assert not profile.transitions.filter(action="publish").exists()
    assert not FinderEntry.objects.exists()


def test_a_school_with_two_locations_links_with_its_vestiging(client, two_published, board):
    make_school(board, "12AB", "De Regenboog, dependance", vestiging="01")
    assert 'href="/scholen/12AB/00/"' in client.get("/scholen/").content.decode()


def test_the_finder_is_public_and_the_same_for_everyone(client, two_published, editor):
    anonymous = client.get("/scholen/", {"aanbod": "expertise_aanbod.dyslexie"})
    assert "public" in anonymous["Cache-Control"]
    # The language only, no session.
    assert {v.strip() for v in anonymous["Vary"].split(",")} == {"Accept-Language", "Cookie"}
    client.force_login(editor)
    logged_in = client.get("/scholen/", {"aanbod": "expertise_aanbod.dyslexie"})
    assert logged_in.content == anonymous.content


def test_the_select_boxes_offer_each_place_and_denomination_once(two_published, partnership):
    from steunwijzer.publication.finder import facet_values

    FinderEntry.objects.update(denomination="openbaar")
    facets = facet_values(partnership, "test")
    assert facets["municipalities"] == ["Den Haag"]
    assert facets["districts"] == [("Den Haag", "Escamp"), ("Den Haag", "Loosduinen")]
    assert facets["denominations"] == ["openbaar"]
