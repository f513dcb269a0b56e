"""Personal API tokens. Only a hash is stored; the token itself is shown once."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from steunwijzer.core.tokens import hash_token

TOKEN_PREFIX = "sw_"


class ApiTokenQuerySet(models.QuerySet):
    def authenticate(self, raw: str):
        token = (
            self.filter(token_hash=hash_token(raw), revoked_at=None, user__is_active=True)
            .select_related("user")
            .first()
        )
        if token:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("naam", max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField("begint met", max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, token_hash=hash_token(raw), hint=raw[:8])
        return token, raw
