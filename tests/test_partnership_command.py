"""`steunwijzer partnership create`: the one server step of a new partnership's go-live."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from steunwijzer.organisations.models import Invitation, Membership, Partnership, Role
from steunwijzer.regional_model.models import FormatVersion

pytestmark = pytest.mark.django_db


def test_it_starts_a_partnership_with_a_model_and_invites_its_first_staff_member(client, capsys):
    call_command(
        "partnership",
        "create",
        "zuidrand",
        "--name",
        "SWV Zuidrand",
        "--staff",
        "Anna@Zuid.example",
    )
    out = capsys.readouterr().out
    partnership = Partnership.objects.get(slug="zuidrand")
    assert FormatVersion.objects.current_for(partnership) is not None
    invitation = Invitation.objects.get(partnership=partnership)
    assert (invitation.email, invitation.role) == ("anna@zuid.example", Role.PARTNERSHIP_STAFF)
    assert mail.outbox[0].to == ["anna@zuid.example"]
    link = out.strip().splitlines()[-1]
    assert link in mail.outbox[0].body and "Steunwijzer nodigt u uit" in mail.outbox[0].body
    # The staff member accepts and finds the partnership's settings.
    path = link.split("://", 1)[-1].split("/", 1)[1]
    response = client.post(
        "/" + path,
        {
            "first_name": "Anna",
            "last_name": "Zuid",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.filter(
        user__email="anna@zuid.example", role=Role.PARTNERSHIP_STAFF, partnership=partnership
    ).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "X", "--staff", "geen-adres"], "'geen-adres' is geen e-mailadres."),
        (["--name", "X" * 300, "--staff", "a@b.example"], "Niet aangemaakt: name"),
    ],
)
def test_bad_input_creates_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("partnership", "create", "zuidrand", *args)
    assert not Partnership.objects.exists() and not Invitation.objects.exists()


def test_a_slug_in_use_and_a_bad_model_are_refused(partnership, tmp_path):
    with pytest.raises(CommandError, match="Er is al een samenwerkingsverband"):
        call_command(
            "partnership", "create", partnership.slug, "--name", "X", "--staff", "a@b.example"
        )
    bad = tmp_path / "model.yaml"
    bad.write_text("format: sop-model\nid: x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Het SOP-model is niet in orde"):
        call_command(
            "partnership",
            "create",
            "nieuw",
            "--name",
            "X",
            "--staff",
            "a@b.example",
            "--model",
            str(bad),
        )
    assert not Partnership.objects.filter(slug="nieuw").exists()
