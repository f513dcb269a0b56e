"""The JSON shapes of the profile operations (`api.profiles`). Ninja writes them into
/api/v1/openapi.json and checks every answer against them; the class names are the names of
the document's schemas, which clients may generate code from."""

from typing import Any, Literal

from ninja import Schema
from ninja.files import UploadedFile
from pydantic import Field, create_model

from steunwijzer.core.json_api import DateTimeText, Error
from steunwijzer.core.uploads import DOCX, PDF
from steunwijzer.organisations.schemas import School
from steunwijzer.regional_model.sop_format import MANDATORY_PARTS


class ProfileSummary(Schema):
    id: int
    school: School
    school_year: str = Field(examples=["2026-2027"])
    state: str = Field(examples=["concept"])
    version: int = Field(description="Telt elke opslag.")
    updated_at: DateTimeText


class ProfileList(Schema):
    profiles: list[ProfileSummary]


class ProfileFormat(Schema):
    id: str
    version: str
    name: str


# One property per mandatory part of every SOP, so the document names them; all of them are
# there once the school said where, none before.
OwnDocumentLocations = create_model(
    "OwnDocumentLocations",
    __base__=Schema,
    **{key: (str, Field("", examples=["blz. 4"])) for key in MANDATORY_PARTS},
)


class OwnDocument(Schema):
    filename: str = Field(description="Leeg zolang er geen bestand is.")
    content_type: Literal["", PDF, DOCX]
    size: int = Field(description="Grootte in bytes.")
    locations: OwnDocumentLocations = Field(
        description="Verplicht onderdeel → waar het in het document staat."
    )


class Profile(ProfileSummary):
    format: ProfileFormat
    answers: dict[str, Any] = Field(
        description="Veldsleutel → antwoord. Lange tekst is opgeschoonde HTML "
        "(p, ul, ol, li, strong, a, br); tabellen zijn lijsten van rijen."
    )
    allowed_actions: list[str] = Field(description="Handelingen die deze gebruiker nu mag doen.")
    kind: Literal["regional", "own"] = Field(
        description="regional: ingevuld in het regionale model; own: een "
        "eigen document van de school (eigen model)."
    )
    # Absent (not null) for a regional profile: the operations leave out what they do not set.
    own_document: OwnDocument | None = Field(
        None, description="Alleen bij kind own; null zolang er niets is opgeslagen."
    )


class ProfileUpdate(Schema):
    base_version: int = Field(description="De versie waarop deze wijziging is gebaseerd.")
    answers: dict[str, Any] = Field(
        description="Alleen de velden die veranderen; null maakt een veld leeg."
    )


class Conflict(Error):
    current_version: int
    profile: Profile


class Transition(Schema):
    id: int
    action: str = Field(examples=["give_advice"])
    from_state: str
    to_state: str
    version: int
    actor: str
    at: DateTimeText
    payload: dict[str, Any]


class TransitionRequest(Schema):
    action: str = Field(
        description="request_advice, give_advice, withdraw, submit_to_board, reopen, "
        "return_to_school, establish, deliver, acknowledge, publish, start_new_draft; in "
        "the schoolgids route also record_pupil_views, request_consent, give_consent."
    )
    payload: dict[str, Any] = Field(
        {},
        description="give_advice: advice (positief, positief_met_opmerkingen, "
        "negatief), motivation (verplicht tenzij positief), date, and optionally "
        "meeting_on, chair_name, secretary_name (the MR meeting and who sign the "
        "statement). give_consent: decision (instemming, geen_instemming), motivation, "
        "date, and the same three. return_to_school: remarks. reopen: reason (verplicht). "
        "establish: established_on, reasons (verplicht na een negatief advies van de MR). "
        "acknowledge: received_on. "
        "record_pupil_views: heard_on, method, views, response. Others: note.",
    )


class TransitionTaken(Schema):
    transition: Transition
    profile: Profile


class RevisionSummary(Schema):
    number: int
    at: DateTimeText
    author: str
    reason: str
    changed_fields: list[str]


class History(Schema):
    transitions: list[Transition] = Field(description="Nieuwste eerst.")
    revisions: list[RevisionSummary]


class Segment(Schema):
    op: Literal["equal", "insert", "delete"]
    text: str


class FieldDiff(Schema):
    chapter: str = Field(examples=["visie"])
    field: str = Field(examples=["visie_passend_onderwijs"])
    label: str
    status: Literal["added", "removed", "changed"]
    segments: list[Segment] = Field(
        description="De tekst in stukken: equal en delete samen vormen de oude tekst, equal en "
        "insert de nieuwe. Lange tekst zonder opmaak, keuzes als hun omschrijving, tabelrijen "
        "één per regel."
    )


class ProfileDiff(Schema):
    from_: int = Field(alias="from")
    to: int
    fields: list[FieldDiff] = Field(description="In de volgorde van het SOP-model.")


class Finding(Schema):
    check: Literal["complete", "concrete", "readable", "concise", "distinctive"]
    code: str
    severity: Literal["block", "warn"]
    message: str
    chapter: str | None
    field: str | None
    excerpt: str
    suggestion: str


class CheckReport(Schema):
    id: int
    version: int
    blocking: int = Field(description="Verplichte punten die nog open zijn.")
    warnings: int
    counts: dict[str, int]
    findings: list[Finding]


class ImportSuggestion(Schema):
    field: str = Field(description="Sleutel van het lange-tekstveld in het model.")
    label: str
    chapter: str
    heading: str = Field(description="De kop in het oude SOP.")
    reason: str = Field(examples=["kop “Onze visie” lijkt op veld “Visie op passend onderwijs”"])
    score: float = Field(description="0 tot 1: hoe sterk de kop op het veld lijkt.")
    text: str = Field(description="De oude tekst; alinea's gescheiden door een lege regel.")
    max_length: int
    too_long: bool = Field(description="Langer dan het veld toelaat; wordt niet ingevuld.")


class ImportFixedText(Schema):
    key: str
    title: str
    heading: str = Field(description="De kop in het oude SOP waaronder de vaste tekst stond.")


class ImportUnplaced(Schema):
    heading: str
    text: str


class ProfileImportPreview(Schema):
    confirmed: Literal[False]
    base_version: int
    suggestions: list[ImportSuggestion]
    fixed_texts: list[ImportFixedText] = Field(description="Herkend en niet overgenomen.")
    unplaced: list[ImportUnplaced] = Field(description="Delen die bij geen veld passen.")


class ImportFilled(Schema):
    confirmed: Literal[True]
    filled: list[str] = Field(description="De velden die zijn ingevuld, in één versie.")
    too_long: list[str] = Field(description="Velden niet ingevuld: de oude tekst is te lang.")


# Bases in this order put `confirmed`, `filled` and `too_long` first, before the profile.
class ProfileImported(Profile, ImportFilled):
    pass


class ProfileImport(Schema):
    file: UploadedFile
    confirm: Literal["true", "false"] = "false"
