"""Two clicks or two tabs sending the same step at the same moment: it happens once."""

import threading

import pytest
from django.db import connection

from steunwijzer.route.services import WrongState, profile_transition
from tests.route_helpers import fill

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_identical_transitions_happen_once(profile, editor, mr_member):
    fill(profile, editor)
    barrier = threading.Barrier(4)
    outcomes = []

    def click():
        barrier.wait()
        try:
            profile_transition(profile_id=profile.pk, user=editor, action="request_advice")
            outcomes.append("ok")
        except WrongState:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["ok", "refused", "refused", "refused"]
    assert profile.transitions.count() == 1
