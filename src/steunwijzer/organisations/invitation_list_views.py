"""Partnership staff invite many people at once (a CSV list, previewed) and follow up on the
invitations: who accepted, who has not, whose link expired, with a new link on request."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .bulk_invitations import ListRefused, invitations_send, read_list
from .forms import InvitationListForm, PreviewButtons
from .models import Invitation
from .permissions import get_partnership_for_staff
from .services import InvitationClosed, invitation_resend


def _pending_key(partnership) -> str:
    return f"invitation-list-{partnership.pk}"


def _invitations(partnership):
    return (
        Invitation.objects.filter(
            Q(partnership=partnership)
            | Q(board__partnership=partnership)
            | Q(school__board__partnership=partnership)
        )
        .select_related("board", "school", "partnership")
        .order_by("accepted_at", "-created_at")
    )


@login_required
def invitations_page(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    key = _pending_key(partnership)
    form = InvitationListForm(request.POST or None, request.FILES or None)
    ctx = {
        "partnership": partnership,
        "form": form,
        "invitations": _invitations(partnership),
        "now": timezone.now(),
    }
    if PreviewButtons(request.POST or None).pressed("confirm"):
        text = request.session.pop(key, None)
        if text is None:
            messages.error(request, _("Upload the list again: the preview has expired."))
            return redirect("invitation_list", slug=partnership.slug)
        sent = invitations_send(
            inviter=request.user, lines=read_list(text.encode(), partnership, request.user)
        )
        messages.success(
            request,
            ngettext("%(n)s person has been invited.", "%(n)s people have been invited.", sent)
            % {"n": sent},
        )
        return redirect("invitation_list", slug=partnership.slug)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            ctx["lines"] = read_list(data, partnership, request.user)
        except ListRefused as exc:
            ctx["refused"] = str(exc)
            return render(request, "organisations/invitation_list.html", ctx, status=400)
        ctx["to_invite"] = sum(not line.problem for line in ctx["lines"])
        request.session[key] = data.decode("utf-8-sig", errors="replace")
    status = 400 if form.errors else 200
    return render(request, "organisations/invitation_list.html", ctx, status=status)


@login_required
@require_POST
def invitation_resend_view(request, slug, pk):
    partnership = get_partnership_for_staff(request, slug)
    invitation = get_object_or_404(_invitations(partnership), pk=pk)
    try:
        invitation_resend(invitation=invitation, user=request.user)
    except InvitationClosed:
        messages.error(request, _("This invitation has been accepted already."))
    else:
        messages.success(
            request, _("A new link has been sent to %(email)s.") % {"email": invitation.email}
        )
    return redirect("invitation_list", slug=partnership.slug)
