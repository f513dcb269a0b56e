"""A person's own notifications: the list (reading it marks nothing), marking read (POST) and
the e-mail settings. Nobody reaches another's: every query starts at request.user."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import SettingsForm
from .mail import link, summary
from .models import Kind, deliveries_of, kinds_for
from .services import notification_settings_save, notifications_mark_read

PER_PAGE = 30


def _shown(notifications):
    return [(n, summary(n), link(n)) for n in notifications]


@login_required
def notification_list(request):
    """What waits for the person (unread actions) first, then the rest, newest first."""
    mine = request.user.notifications.for_list()
    waiting = mine.unread().filter(kind=Kind.ACTION)
    rest = mine.exclude(kind=Kind.ACTION, read_at=None)
    page = Paginator(rest, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "waiting": _shown(waiting),
            "items": _shown(page),
            "unread": mine.unread().count(),
        },
    )


@login_required
@require_POST
def notification_read(request, pk):
    if not notifications_mark_read(user=request.user, pk=pk):
        # Someone else's, or already read: the same answer, so nothing is given away.
        raise Http404(_("This notification does not exist or has been read already."))
    return redirect("notification_list")


@login_required
@require_POST
def notifications_read_all(request):
    count = notifications_mark_read(user=request.user)
    messages.success(
        request,
        _("All your notifications are marked as read.")
        if count
        else _("You had no unread notifications."),
    )
    return redirect("notification_list")


@login_required
def notification_settings(request):
    current = {kind: delivery for (_pk, kind), delivery in deliveries_of([request.user]).items()}
    form = SettingsForm(request.POST or None, current=current, kinds=kinds_for(request.user))
    if request.method == "POST" and form.is_valid():
        notification_settings_save(user=request.user, deliveries=form.deliveries())
        messages.success(request, _("Your e-mail settings have been saved."))
        return redirect("notification_settings")
    status = 422 if form.is_bound else 200
    return render(request, "notifications/settings.html", {"form": form}, status=status)
