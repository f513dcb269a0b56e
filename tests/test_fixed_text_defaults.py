"""Fixed texts Steunwijzer wrote for its shipped model (`default: true`) are offered to the
partnership: labelled as its fixed texts only once its staff confirm them."""

import pytest

from steunwijzer.organisations.models import Partnership
from steunwijzer.regional_model.services import NotADefaultText, fixed_text_confirm

MODEL_PAGE = "/samenwerkingsverband/testregio/sop-model/"
CONFIRM = MODEL_PAGE + "vaste-teksten/{key}/bevestigen/"
OWN_LABEL = "Vaste tekst van het samenwerkingsverband"
OFFERED_LABEL = "Tekst aangeboden door Steunwijzer"


def _chapter(client, profile, chapter):
    return client.get(f"/profielen/{profile.pk}/hoofdstuk/{chapter}/").content.decode()


def test_staff_see_the_offered_text_and_confirm_it(client, staff, format_version):
    client.force_login(staff)
    page = client.get(MODEL_PAGE).content.decode()
    assert "Vaste teksten die Steunwijzer aanbiedt" in page
    assert "nog te bevestigen" in page
    assert CONFIRM.format(key="basisondersteuning_uitleg") in page
    # The seed's own texts are the partnership's from the start: nothing to confirm.
    assert CONFIRM.format(key="zorgplicht_tekst") not in page
    response = client.post(CONFIRM.format(key="basisondersteuning_uitleg"), follow=True)
    assert "De vaste tekst is nu van uw samenwerkingsverband" in response.content.decode()
    assert "bevestigd als uw vaste tekst" in response.content.decode()
    partnership = Partnership.objects.get(slug="testregio")
    assert partnership.confirmed_fixed_texts == ["basisondersteuning_uitleg"]


@pytest.mark.parametrize("key", ["zorgplicht_tekst", "bestaat_niet"])
def test_only_an_offered_text_can_be_confirmed(client, staff, format_version, key):
    client.force_login(staff)
    response = client.post(CONFIRM.format(key=key), follow=True)
    assert "geen tekst die Steunwijzer aanbiedt" in response.content.decode()
    assert Partnership.objects.get(slug="testregio").confirmed_fixed_texts == []


def test_confirming_twice_keeps_one_and_gives_a_new_content_version(partnership, format_version):
    before = Partnership.objects.get(pk=partnership.pk).content_version
    fixed_text_confirm(partnership=partnership, key="basisondersteuning_uitleg")
    fixed_text_confirm(partnership=partnership, key="basisondersteuning_uitleg")
    after = Partnership.objects.get(pk=partnership.pk)
    assert after.confirmed_fixed_texts == ["basisondersteuning_uitleg"]
    assert after.content_version != before


def test_without_a_model_nothing_can_be_confirmed(partnership):
    with pytest.raises(NotADefaultText):
        fixed_text_confirm(partnership=partnership, key="basisondersteuning_uitleg")


def test_an_unconfirmed_default_is_not_labelled_as_the_partnerships(client, editor, profile):
    client.force_login(editor)
    html = _chapter(client, profile, "basisondersteuning")
    assert "Wat is basisondersteuning?" in html
    assert OFFERED_LABEL in html
    assert OWN_LABEL not in html
    # The seed's zorgplicht text is the partnership's own.
    assert OWN_LABEL in _chapter(client, profile, "zorgplicht")
    fixed_text_confirm(
        partnership=profile.school.board.partnership, key="basisondersteuning_uitleg"
    )
    html = _chapter(client, profile, "basisondersteuning")
    assert OWN_LABEL in html
    assert OFFERED_LABEL not in html
