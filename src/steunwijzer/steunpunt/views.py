from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from steunwijzer.organisations.backends import client_address
from steunwijzer.organisations.models import School
from steunwijzer.organisations.permissions import get_partnership_for_staff

from .forms import AnswerForm, AskForm
from .models import ParentMessage
from .services import (
    message_answer,
    message_send,
    sender_key,
    sent_today,
    support_choices,
)


def _school(brin: str, vestiging: str | None) -> School:
    if vestiging is None and len(brin) == 6:  # the 6-character code of a website: 36ZX00
        brin, vestiging = brin[:4], brin[4:]
    schools = School.objects.select_related("board__partnership").defer("board__partnership__logo")
    schools = list(
        schools.filter(brin=brin.upper(), **({"vestiging": vestiging} if vestiging else {}))
    )
    if len(schools) != 1:
        raise Http404(
            _("This school is not in Steunwijzer.")
            if not schools
            else _("Choose a location first.")
        )
    return schools[0]


@never_cache
def ask(request, brin, vestiging=None):
    """A parent's question or report to the partnership's steunpunt, about this school."""
    school = _school(brin, vestiging)
    partnership = school.board.partnership
    form = AskForm(request.POST or None, support_choices=support_choices(partnership))
    status = 200
    if request.method == "POST":
        # The address the sign-in lockout counts too (behind a proxy: the one it vouches for).
        key = sender_key(client_address(request), timezone.localdate())
        if form.is_robot:
            return redirect(f"{request.path}?verzonden=1")
        if sent_today(key) >= settings.STEUNPUNT_DAILY_LIMIT:
            form.add_error(
                None,
                _(
                    "You have already sent %(count)s messages today. Please try again "
                    "tomorrow, or call the support point."
                )
                % {"count": settings.STEUNPUNT_DAILY_LIMIT},
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            message_send(
                school=school,
                kind=data["kind"],
                support=data["support"],
                message=data["message"],
                contact={
                    "name": data["contact_name"],
                    "email": data["contact_email"],
                    "phone": data["contact_phone"],
                },
                sender=client_address(request),
            )
            return redirect(f"{request.path}?verzonden=1")
        else:
            status = 400
    context = {
        "school": school,
        "partnership": partnership,
        "theme_partnership": partnership,
        "form": form,
        "sent": request.method == "GET" and request.GET.get("verzonden") == "1",
        "retention_months": settings.STEUNPUNT_RETENTION_MONTHS,
        "language_next": request.path,
    }
    return render(request, "steunpunt/ask.html", context, status=status)


@login_required
def message_list(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    labels = dict(support_choices(partnership))
    rows = ParentMessage.objects.filter(partnership=partnership).select_related("school")
    return render(
        request,
        "steunpunt/list.html",
        {
            "partnership": partnership,
            "rows": [(m, labels.get(m.support, m.support)) for m in rows],
            "retention_months": settings.STEUNPUNT_RETENTION_MONTHS,
        },
    )


@login_required
def message_detail(request, slug, pk):
    partnership = get_partnership_for_staff(request, slug)
    message = get_object_or_404(
        ParentMessage.objects.select_related("school", "answered_by"),
        partnership=partnership,
        pk=pk,
    )
    form = AnswerForm(request.POST or None, initial={"answer": message.answer})
    if request.method == "POST" and form.is_valid():
        message_answer(message=message, user=request.user, answer=form.cleaned_data["answer"])
        if message.contact_email:
            messages.success(request, _("The answer has been saved and sent by e-mail."))
        else:
            messages.success(request, _("The answer has been saved."))
        return redirect("steunpunt_message", slug=slug, pk=pk)
    labels = dict(support_choices(partnership))
    return render(
        request,
        "steunpunt/detail.html",
        {
            "partnership": partnership,
            "message": message,
            "support_label": labels.get(message.support, message.support),
            "form": form,
        },
        status=400 if form.errors else 200,
    )
