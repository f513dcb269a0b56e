"""Personal API tokens on the account page: made there, shown once, revoked there.

The account page itself is the organisations app's; these two views add to it what only the
API knows about, so the organisations app needs nothing of the API.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from steunwijzer.organisations.forms import ApiTokenForm
from steunwijzer.organisations.views import account_page

from .models import ApiToken


@login_required
@require_POST
def api_token_create(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return account_page(request, token_form=form, status=400)
    _token, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
    # Shown on this response only: only the hash is kept, and a cache must not keep the token.
    response = account_page(request, raw_token=raw)
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def api_token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at=None)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    messages.success(request, f"De token “{token.name}” is ingetrokken.")
    return redirect("account_settings")
