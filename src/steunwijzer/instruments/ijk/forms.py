"""What the IJK pages read from a form; the services check the content and name problems."""

from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from steunwijzer.core.forms import UploadField
from steunwijzer.core.uploads import check_upload

from .rules import ScoreInput

EVIDENCE_KINDS = ("pdf", "docx", "png", "jpeg")
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
NOTE_PREFIX, SCORE_PREFIX = "note-", "score-"
SCORE_FIELDS = ("score", "explanation", "evidence_url")


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class ScoreForm(forms.Form):
    """One indicator: the score, its explanation and evidence (a web address or a file)."""

    score = forms.CharField(required=False)
    explanation = forms.CharField(required=False, strip=False)
    evidence_url = forms.CharField(required=False, strip=False)
    evidence = UploadField(required=False)
    remove_evidence = forms.BooleanField(required=False)

    def clean_score(self):
        # Not a number is no score: `scores_save` says which scores there are.
        return int_or_none(self.cleaned_data["score"])

    def clean_evidence(self):
        upload = self.cleaned_data["evidence"]
        if not upload:
            return None
        return check_upload(upload, allowed=EVIDENCE_KINDS, max_bytes=MAX_EVIDENCE_BYTES)

    def score_input(self) -> ScoreInput:
        data = self.cleaned_data
        return ScoreInput(data["score"], data["explanation"], data["evidence_url"])

    def posted(self) -> dict[str, str]:
        """What was typed, to show again when the score is refused."""
        return {field: self.data.get(field, "") for field in SCORE_FIELDS}


class EvaluationForm(forms.Form):
    """The whole IJK on one page, one save: per indicator "score-<code>", "explanation-<code>",
    "evidence_url-<code>", "evidence-<code>" (a file) and "remove_evidence-<code>"."""

    def __init__(self, *args, codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = list(codes)
        for code in self.codes:
            self.fields[f"score-{code}"] = forms.CharField(required=False)
            self.fields[f"explanation-{code}"] = forms.CharField(required=False, strip=False)
            self.fields[f"evidence_url-{code}"] = forms.CharField(required=False, strip=False)
            self.fields[f"evidence-{code}"] = UploadField(required=False)
            self.fields[f"remove_evidence-{code}"] = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        for code in self.codes:
            upload = data.get(f"evidence-{code}")
            if upload:
                try:
                    data[f"evidence-{code}"] = check_upload(
                        upload, allowed=EVIDENCE_KINDS, max_bytes=MAX_EVIDENCE_BYTES
                    )
                except ValidationError as refused:
                    self.add_error(f"evidence-{code}", refused)
        return data

    def problems(self) -> dict[str, dict[str, str]]:
        """Per indicator, per field ("evidence"), what is wrong with the form's input."""
        found: dict[str, dict[str, str]] = {}
        for name, messages in self.errors.items():
            field, _, code = name.partition("-")
            found.setdefault(code, {})[field] = " ".join(messages)
        return found

    def posted(self) -> dict[str, dict[str, str]]:
        """What was typed per indicator, to show again when the save is refused."""
        return {
            code: {field: self.data.get(f"{field}-{code}", "") for field in SCORE_FIELDS}
            for code in self.codes
        }

    def changes(self, stored: dict) -> tuple[dict[str, ScoreInput], dict, frozenset[str]]:
        """The indicators whose input differs from what is stored (scores, new files, files to
        remove). An indicator left empty is left alone, so half a list can be saved."""
        data = self.cleaned_data
        scores, files, remove = {}, {}, set()
        for code in self.codes:
            given = ScoreInput(
                int_or_none(data[f"score-{code}"]),
                data[f"explanation-{code}"],
                data[f"evidence_url-{code}"],
            )
            upload, removing = data[f"evidence-{code}"], data[f"remove_evidence-{code}"]
            if upload:
                files[code] = upload
            if removing:
                remove.add(code)
            if upload or removing or _differs(given, stored.get(code)):
                scores[code] = given
        return scores, files, frozenset(remove)


def _differs(given: ScoreInput, row) -> bool:
    typed = (given.score, given.explanation.strip(), given.evidence_url.strip())
    if row is None:
        return typed != (None, "", "")
    return typed != (row.score, row.explanation, row.evidence_url)


class PeerForm(forms.Form):
    """The colleague invited to observe; `peer_assign` refuses a missing or unsuitable one."""

    peer = forms.ModelChoiceField(queryset=get_user_model().objects.all(), required=False)

    def chosen(self):
        return self.cleaned_data["peer"] if self.is_valid() else None


class ObservationForm(forms.Form):
    """A Kijkwijzer observation: date, group, a note per item ("note-<item>") and a score per
    indicator seen ("score-<code>"). Every posted note and score gets a field, so that
    `observation_record` names one that is not in the Kijkwijzer."""

    observed_on = forms.CharField(required=False)
    group_name = forms.CharField(required=False, strip=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.data:
            if name.startswith((NOTE_PREFIX, SCORE_PREFIX)):
                self.fields[name] = forms.CharField(required=False, strip=False)

    def clean_observed_on(self):
        # No date, or not one: `observation_record` asks for the date.
        try:
            return date.fromisoformat(self.cleaned_data["observed_on"])
        except ValueError:
            return None

    def notes(self) -> dict[str, str]:
        return {
            name.removeprefix(NOTE_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(NOTE_PREFIX)
        }

    def scores(self) -> dict[str, int | None]:
        return {
            name.removeprefix(SCORE_PREFIX): int_or_none(value)
            for name, value in self.cleaned_data.items()
            if name.startswith(SCORE_PREFIX) and value
        }


class SummaryTakeOverForm(forms.Form):
    """Which text field of the chapter gets the IJK summary."""

    field = forms.ChoiceField()

    def __init__(self, *args, fields, **kwargs):
        super().__init__(*args, **kwargs)
        self._by_key = {f.key: f for f in fields}
        self.fields["field"].choices = [(key, key) for key in self._by_key]

    def chosen(self):
        """The chosen field of the model, or None."""
        return self._by_key[self.cleaned_data["field"]] if self.is_valid() else None
