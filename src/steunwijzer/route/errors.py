"""Why a step cannot be taken; the views and the API turn these into 403 and 409."""


class ForbiddenAction(Exception):
    """This person may not take this action on this profile (HTTP 403)."""


class WrongState(Exception):
    """The action exists but not from the profile's current state (HTTP 409)."""
