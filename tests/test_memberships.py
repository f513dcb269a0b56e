"""Roles through memberships: one person may hold several, never the same one twice."""

import pytest
from django.db import IntegrityError, transaction

from steunwijzer.organisations.models import Membership, Role, School
from tests.conftest import grant


def test_a_person_may_hold_several_roles(school, single_board, single_school, editor):
    grant(editor, Role.BOARD_OFFICER, board=single_board)
    assert Membership.roles_for(editor, school) == {Role.SCHOOL_EDITOR}
    assert Membership.roles_for(editor, single_school) == {Role.BOARD_OFFICER}


@pytest.mark.parametrize("scope", ["school", "board", "partnership", None])
def test_the_same_role_cannot_be_granted_twice(request, outsider, scope):
    kwargs = {scope: request.getfixturevalue(scope)} if scope else {}
    role = {
        "school": Role.MR_MEMBER,
        "board": Role.BOARD_OFFICER,
        "partnership": Role.PARTNERSHIP_STAFF,
        None: Role.PLATFORM_ADMIN,
    }[scope]
    grant(outsider, role, **kwargs)
    with pytest.raises(IntegrityError), transaction.atomic():
        grant(outsider, role, **kwargs)


def test_visible_schools_follow_the_roles(
    school,
    other_school,
    single_school,
    editor,
    officer,
    other_officer,
    staff,
    other_staff,
    outsider,
):
    def names(user):
        return sorted(s.name for s in School.objects.visible_to(user))

    assert names(editor) == ["De Regenboog"]
    assert names(officer) == ["De Regenboog", "De Vlieger"]
    assert names(other_officer) == ["Het Baken"]
    assert names(staff) == ["De Regenboog", "De Vlieger", "Het Baken"]
    assert names(other_staff) == [] and names(outsider) == []


def test_a_platform_admin_sees_every_school(school, single_school, outsider):
    grant(outsider, Role.PLATFORM_ADMIN)
    assert School.objects.visible_to(outsider).count() == 2


def test_eenpitter_is_a_board_with_one_school(
    board, school, other_school, single_board, single_school
):
    assert single_board.is_single_school and not board.is_single_school
