"""The school finder's search index: one compact row per school with a published SOP, and
its words.

Written when a SOP is published (`search_index.index_school`, from the route's `step_taken`
signal, inside the step's transaction) and rebuilt by `steunwijzer rebuild_finder_index`. The
finder filters these rows with plain column comparisons, so it never reads the profiles' JSON
answers.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from steunwijzer.organisations.models import Partnership, School
from steunwijzer.profiles.models import Profile, Revision


class FinderEntry(models.Model):
    """The newest published SOP of one school, denormalised for searching."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="finder_entry")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    school_year = models.CharField(max_length=9)
    brin_code = models.CharField(max_length=6, db_index=True)
    name = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    municipality = models.CharField(max_length=100)
    district = models.CharField(max_length=100, blank=True)
    denomination = models.CharField(max_length=100, blank=True)
    school_type = models.CharField(max_length=3)
    # " field.choice field.choice " for every ticked checklist choice: a LIKE on " key " finds
    # a school offering it, on SQLite and PostgreSQL alike.
    offers = models.TextField(blank=True)
    established_on = models.DateField(null=True, blank=True)
    # The school's place (School.latitude/longitude): the finder's distance search takes a
    # box of these two columns first, then the exact distance.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # When the row was last written: by a publication, or a change to the school.
    indexed_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("row in the school finder")
        verbose_name_plural = _("rows in the school finder")
        ordering = ["name", "brin_code"]
        indexes = [
            models.Index(fields=["partnership", "municipality", "district"]),
            models.Index(fields=["partnership", "name"]),
            models.Index(fields=["latitude", "longitude"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.school_year})"

    def offer_keys(self) -> set[str]:
        return set(self.offers.split())


class FinderText(models.Model):
    """The plain text answers of a row, kept apart so the row itself stays narrow and a scan
    of all rows stays fast; read only for the page of results, to show where words matched."""

    entry = models.OneToOneField(
        FinderEntry, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    # [[field label, plain text], …] in the model's order.
    texts = models.JSONField(default=list)

    class Meta:
        verbose_name = _("text in the school finder")
        verbose_name_plural = _("texts in the school finder")

    def __str__(self):
        return _("texts of %(entry)s") % {"entry": self.entry_id}


class FinderWord(models.Model):
    """One word of a school's published SOP (its name, place and text answers): the free-text
    search finds the rows whose words start with what was typed, through the index on `word`,
    instead of reading every school's text."""

    entry = models.ForeignKey(FinderEntry, on_delete=models.CASCADE, related_name="words")
    word = models.CharField(max_length=40, db_index=True)

    class Meta:
        verbose_name = _("word in the school finder")
        verbose_name_plural = _("words in the school finder")

    def __str__(self):
        return self.word
