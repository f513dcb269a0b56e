from functools import cached_property


class Unread:
    """The header's count of unread notifications, counted once and only if a page shows it."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def count(self) -> int:
        return self.user.notifications.unread().count()


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": Unread(user)}
