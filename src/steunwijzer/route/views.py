from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from steunwijzer.core.forms import error_text
from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.permissions import get_board_for_officer
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.states import EDITABLE_STATE
from steunwijzer.quality_check.report import check_profile

from .forms import DeliverForm, TransitionForm
from .guards import current_decision, current_request, steps_now
from .labels import (
    ADVICE_LABELS,
    CONSENT_LABELS,
    PUPIL_METHOD_LABELS,
    decision_label,
    payload_messages,
    step_done,
    step_label,
)
from .lifecycle import route_of
from .models import Deadline
from .payloads import InvalidPayload
from .services import ForbiddenAction, WrongState, profile_transition, profiles_deliver
from .statement import statement_filename, statement_pdf


def _route_page(request, profile, errors=None, failed_action=None, status=200):
    route = route_of(profile)
    steps, held = steps_now(profile, request.user)
    decision = current_decision(profile)
    # What the school wrote with its request, shown above the MR's form, and the date the SOP
    # is due at the board.
    mr_request, mr_request_due, mr_request_late = None, None, False
    if any(s.action in ("give_advice", "give_consent") for s in steps):
        mr_request = current_request(profile)
        mr_request_due = Deadline.objects.due_dates_for([profile])[profile.pk]
        # A passed date is said as passed: "was due", not "is due".
        mr_request_late = mr_request_due < timezone.localdate()
    return render(
        request,
        "route/route.html",
        {
            "profile": profile,
            "route": route,
            "steps": steps,
            "held": held,
            # The held step lists the SOP-check's mandatory items itself, with links.
            "held_by_check": any(h.guard == "complete_profile" for h in held),
            # What the board freezes when it establishes: the MR's advice or consent.
            "decision": decision,
            "decision_label": decision_label(
                decision.payload.get("advice") or decision.payload.get("decision")
            )
            if decision
            else "",
            # The school weighs the MR's advice before it sends the SOP on or takes it back.
            "decision_to_weigh": decision is not None
            and any(s.action in ("submit_to_board", "reopen") for s in steps),
            "mr_request": mr_request,
            "mr_request_due": mr_request_due,
            "mr_request_late": mr_request_late,
            "timeline": profile.transitions.select_related(None).defer("attachment"),
            "errors": errors or {},
            "failed_action": failed_action,
            "posted": request.POST if failed_action else {},
            "check": check_profile(profile) if profile.state == EDITABLE_STATE else None,
            "advice_choices": ADVICE_LABELS,
            "consent_choices": CONSENT_LABELS,
            "pupil_methods": PUPIL_METHOD_LABELS,
        },
        status=status,
    )


@login_required
def profile_route(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    return _route_page(request, profile)


@login_required
@require_POST
def profile_transition_view(request, pk, action):
    profile = Profile.objects.get_for_user(request.user, pk)
    form = TransitionForm(request.POST, request.FILES, action=action)
    if not form.is_valid():
        errors = {name: " ".join(problems) for name, problems in form.errors.items()}
        return _route_page(request, profile, errors, failed_action=action, status=422)
    try:
        record = profile_transition(
            profile_id=profile.pk,
            user=request.user,
            action=action,
            payload=form.payload(),
            attachment=form.cleaned_data["statement"],
            messages=payload_messages(),
            full_record=True,
        )
    except ForbiddenAction as exc:
        raise PermissionDenied(str(exc)) from None
    except WrongState as exc:
        step = route_of(profile).step(action)
        if step is None or profile.state not in step.sources:
            messages.error(request, str(exc))
        else:  # a guard held it back: the page says why, with links to what to fix
            messages.error(
                request,
                _("The step '%(step)s' cannot be taken now; below you can read why.")
                % {"step": step_label(step)},
            )
        return _route_page(request, profile, status=409)
    except InvalidPayload as exc:
        errors = {p.path.removeprefix("payload."): p.message for p in exc.problems}
        return _route_page(request, profile, errors, failed_action=action, status=422)
    step = route_of(profile).step(action)
    messages.success(request, step_done(step, record.get_to_state_display()))
    return redirect("profile_route", pk=pk)


@login_required
def transition_statement(request, pk, transition_id):
    """The MR's statement: the uploaded signed PDF, or one made from what was recorded."""
    profile = Profile.objects.get_for_user(request.user, pk)
    record = get_object_or_404(
        profile.transitions, pk=transition_id, action__in=("give_advice", "give_consent")
    )
    data = bytes(record.attachment) if record.attachment else statement_pdf(record)
    return attachment_response(data, "application/pdf", statement_filename(record))


@login_required
def board_deliver(request, board_id):
    """Deliver several established SOPs of one board to the partnership at once."""
    board = get_board_for_officer(request, board_id)
    ready = Profile.objects.filter(school__board=board, state="vastgesteld").select_related(
        "school"
    )
    if request.method == "POST":
        form = DeliverForm(request.POST, ready=ready)
        if not form.is_valid():
            messages.error(request, error_text(form))
        else:
            try:
                done = profiles_deliver(
                    profile_ids=form.cleaned_data["profiles"],
                    user=request.user,
                    note=form.cleaned_data["note"],
                    messages=payload_messages(),
                )
            except (ForbiddenAction, WrongState, InvalidPayload) as exc:
                messages.error(
                    request, _("Nothing has been delivered: %(reason)s") % {"reason": exc}
                )
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s SOP delivered to %(partnership)s.",
                        "%(count)s SOPs delivered to %(partnership)s.",
                        len(done),
                    )
                    % {"count": len(done), "partnership": board.partnership.short_name},
                )
                return redirect("board_deliver", board_id=board.pk)
    return render(request, "route/board_deliver.html", {"board": board, "ready": ready})
