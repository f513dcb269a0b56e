"""Comparing two or three published SOPs side by side."""

from tests.conftest import make_school


def test_it_compares_two_schools_chapter_by_chapter(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "34CD00"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wij kunnen geen verpleegkundige zorg de hele dag bieden." in html
    assert "Vlieger: geen plusklas." in html
    assert '<th scope="col">De Regenboog</th>' in html
    assert 'data-school="De Vlieger"' in html
    assert "public" in response["Cache-Control"] and response["ETag"]


def test_it_refuses_more_than_three_schools(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "34CD00", "56EF00", "78GH00"]})
    assert response.status_code == 400
    assert "hoogstens 3 scholen" in response.content.decode()


def test_it_needs_two_schools(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": "12AB00"})
    assert response.status_code == 400
    assert "Kies twee of drie scholen" in response.content.decode()


def test_it_names_a_bad_code(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "<script>"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "is geen schoolcode" in html and "<script>" not in html


def test_it_refuses_a_school_without_a_published_sop(client, two_published, board):
    make_school(board, "77QQ", "Nog niet gepubliceerd")
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "77QQ00"]})
    assert response.status_code == 400
    assert "Van school 77QQ00 is geen gepubliceerd SOP gevonden." in response.content.decode()


def test_the_same_school_twice_counts_once(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "12ab00"]})
    assert response.status_code == 400
