"""What parents send the partnership's ouder- en jeugdsteunpunt (wet 36443).

A message is about one school: a question, or a report that the school's practice differs
from its published SOP, maybe about one kind of support (a choice of the model's
`expertise_aanbod`, the finder's support filters). It holds no child's name or other
pupil-level identity (the form refuses obvious ones, `identity.py`); the parent's contact
details are optional, only staff of the partnership see them, and everything is deleted after
the retention period (`settings.STEUNPUNT_RETENTION_MONTHS`, `steunpunt_expire`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from steunwijzer.organisations.models import Partnership, School

MESSAGE_MAX = 3000


class Kind(models.TextChoices):
    QUESTION = "question", _("A question")
    PRACTICE = "practice", _("The school's practice differs from its SOP")


class ParentMessage(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # A choice key of the model's expertise_aanbod, or "" when it is about support in general.
    support = models.CharField(max_length=100, blank=True)
    message = models.TextField(max_length=MESSAGE_MAX)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    # A hash of the sender's address and the day: enough to limit how many messages one
    # address sends a day, useless for finding out who sent them.
    sender_key = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to the support point")
        verbose_name_plural = _("messages to the support point")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.school.name} · {self.created_at:%Y-%m-%d}"
