"""Partnership staff invite many people at once from a CSV list and follow up on invitations."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from steunwijzer.organisations.bulk_invitations import ListRefused, read_list
from steunwijzer.organisations.models import Invitation, Membership, Role

HEADER = "naam;e-mail;rol;school of bestuur"


def csv(*lines, header=HEADER) -> bytes:
    return "\n".join([header, *lines]).encode()


def url(partnership):
    return reverse("invitation_list", args=[partnership.slug])


def upload(client, partnership, data):
    return client.post(url(partnership), {"file": SimpleUploadedFile("lijst.csv", data)})


def test_it_reads_roles_schools_and_boards(partnership, school, board, staff):
    board.board_number = "41234"
    board.save()
    lines = read_list(
        csv(
            f"Ilse Begeleider;ilse@school.example;intern begeleider;{school.brin}",
            "Bram Beleid;bram@bestuur.example;kwaliteitsmedewerker;41234",
            f"Dirk Directeur;dirk@school.example;directeur;{school.brin}00",
            "Sam Staf;sam@swv.example;samenwerkingsverband;",
        ),
        partnership,
        staff,
    )
    assert [(line.role, line.function, line.problem) for line in lines] == [
        (Role.SCHOOL_EDITOR, "ib", ""),
        (Role.BOARD_OFFICER, "", ""),
        (Role.SCHOOL_EDITOR, "directeur", ""),
        (Role.PARTNERSHIP_STAFF, "", ""),
    ]
    assert lines[0].organisation == school and lines[1].organisation == board


def test_it_reports_duplicates_unknown_schools_and_people_who_have_the_role(
    partnership, school, editor, staff
):
    lines = read_list(
        csv(
            f"A;a@x.example;directeur;{school.brin}",
            f"A;a@x.example;directeur;{school.brin}",
            "B;b@x.example;directeur;99ZZ",
            f"C;geen-adres;directeur;{school.brin}",
            f"D;d@x.example;conciërge;{school.brin}",
            f"E;{editor.email};directeur;{school.brin}",
            f"F;f@x.example;mr-ouder;{school.brin}",
        ),
        partnership,
        staff,
    )
    problems = [line.problem for line in lines]
    assert problems[0] == ""
    assert problems[1] == "staat al op regel 2"
    assert problems[2] == "geen school “99ZZ” in dit samenwerkingsverband"
    assert problems[3] == "“geen-adres” is geen e-mailadres"
    assert problems[4] == "de rol “conciërge” is onbekend"
    assert problems[5] == "heeft deze rol al"
    assert problems[6].startswith("u mag voor deze rol niemand uitnodigen")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"naam,adres\nA,b", "De eerste regel moet de kolommen noemen"),
        (csv(*["A;a@x.example;team;12AB"] * 1001), "meer dan 1.000 mensen"),
        (b"x" * 300_000, "groter dan 200 kB"),
    ],
)
def test_a_list_that_cannot_be_read_is_refused(partnership, staff, data, message):
    with pytest.raises(ListRefused, match=message):
        read_list(data, partnership, staff)


def test_staff_preview_then_send(client, partnership, school, staff):
    client.force_login(staff)
    data = csv(
        f"Ilse Begeleider;ilse@school.example;intern begeleider;{school.brin}",
        "B;b@x.example;directeur;99ZZ",
    )
    preview = upload(client, partnership, data)
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "1 persoon wordt uitgenodigd" in body and "overgeslagen:" in body
    assert not Invitation.objects.exists() and not mail.outbox
    done = client.post(url(partnership), {"confirm": "1"}, follow=True)
    assert "1 persoon is uitgenodigd." in done.content.decode()
    invitation = Invitation.objects.get()
    assert (invitation.name, invitation.school) == ("Ilse Begeleider", school)
    assert mail.outbox[0].to == ["ilse@school.example"]
    page = client.get(url(partnership)).content.decode()
    assert "Ilse Begeleider" in page and "nog niet geaccepteerd" in page


def test_an_expired_invitation_can_be_sent_again(client, partnership, school, staff):
    invitation = Invitation(email="oud@x.example", role=Role.SCHOOL_EDITOR, school=school)
    invitation.issue_token()
    invitation.expires_at = timezone.now() - timedelta(days=1)
    invitation.save()
    old_hash = invitation.token_hash
    client.force_login(staff)
    assert "verlopen" in client.get(url(partnership)).content.decode()
    response = client.post(
        reverse("invitation_resend", args=[partnership.slug, invitation.pk]), follow=True
    )
    assert "Er is een nieuwe link gestuurd naar oud@x.example." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.token_hash != old_hash and invitation.expires_at > timezone.now()
    assert mail.outbox[-1].to == ["oud@x.example"]


def test_an_accepted_invitation_is_not_sent_again(client, partnership, school, staff):
    invitation = Invitation(email="klaar@x.example", role=Role.SCHOOL_TEAM, school=school)
    invitation.issue_token()
    invitation.accepted_at = timezone.now()
    invitation.save()
    client.force_login(staff)
    response = client.post(
        reverse("invitation_resend", args=[partnership.slug, invitation.pk]), follow=True
    )
    assert "Deze uitnodiging is al geaccepteerd." in response.content.decode()
    assert not mail.outbox


@pytest.mark.parametrize("persona", ["editor", "officer", "mr_member", "other_staff"])
def test_only_the_partnerships_staff_send_a_list(client, request, partnership, school, persona):
    client.force_login(request.getfixturevalue(persona))
    upload(client, partnership, csv(f"A;a@x.example;directeur;{school.brin}"))
    response = client.post(url(partnership), {"confirm": "1"})
    assert response.status_code in (403, 404)
    assert not Invitation.objects.exists()
    assert not Membership.objects.filter(user__email="a@x.example").exists()
