"""A plain-language summary above a fixed text: written by the partnership's staff, shown to
parents on every school's public page above the fixed text, which itself stays verbatim."""

from steunwijzer.organisations.models import Partnership
from steunwijzer.regional_model.forms import SUMMARY_MAX_LENGTH
from steunwijzer.regional_model.services import fixed_text_summaries_save

URL = "/samenwerkingsverband/testregio/sop-model/samenvattingen/"
SUMMARY = "Elke school moet een passende plek zoeken voor uw kind. Dat heet zorgplicht."
FIXED_START = "zorgplicht"


def test_staff_write_a_summary_and_parents_see_it_above_the_fixed_text(client, staff, published):
    client.force_login(staff)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'name="zorgplicht_tekst"' in page.content.decode()
    response = client.post(URL, {"zorgplicht_tekst": f"  {SUMMARY}  "})
    assert response.status_code == 302
    assert Partnership.objects.get(slug="testregio").fixed_text_summaries == {
        "zorgplicht_tekst": SUMMARY
    }
    client.logout()
    html = client.get("/scholen/12AB/").content.decode()
    assert "In gewone woorden:" in html
    summary_at = html.index(SUMMARY)
    fixed = published.sop_format.fixed_texts
    text = next(item.text for item in fixed if item.key == "zorgplicht_tekst")
    # The fixed text follows the summary, unchanged.
    assert html.index(text.split()[0], summary_at) > summary_at


def test_an_empty_summary_removes_it_and_others_stay(staff, partnership, format_version):
    fixed_text_summaries_save(
        partnership=partnership, summaries={"zorgplicht_tekst": SUMMARY, "oud": "Ouder model."}
    )
    fixed_text_summaries_save(partnership=partnership, summaries={"zorgplicht_tekst": " "})
    partnership.refresh_from_db()
    # The summary of a text only an older model version has is kept for its profiles.
    assert partnership.fixed_text_summaries == {"oud": "Ouder model."}


def test_a_summary_that_is_too_long_is_refused_in_dutch(client, staff, format_version):
    client.force_login(staff)
    response = client.post(URL, {"zorgplicht_tekst": "x" * (SUMMARY_MAX_LENGTH + 1)})
    assert response.status_code == 400
    assert f"niet meer dan {SUMMARY_MAX_LENGTH} tekens" in response.content.decode()
    assert Partnership.objects.get(slug="testregio").fixed_text_summaries == {}


def test_a_saved_summary_gives_the_partnership_a_new_content_version(
    staff, partnership, format_version
):
    before = Partnership.objects.get(pk=partnership.pk).content_version
    fixed_text_summaries_save(partnership=partnership, summaries={"zorgplicht_tekst": SUMMARY})
    assert Partnership.objects.get(pk=partnership.pk).content_version != before
