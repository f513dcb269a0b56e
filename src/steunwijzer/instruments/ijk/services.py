"""Writing IJK data: catalogues, scores, peers and observations. Each runs in one transaction
and checks everything before it writes, so refused input leaves nothing half saved."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from steunwijzer.core.problems import Problem
from steunwijzer.core.uploads import CheckedFile
from steunwijzer.organisations.models import Partnership, School, display_name
from steunwijzer.organisations.permissions import is_board_officer_of
from steunwijzer.regional_model.loader import FormatError
from steunwijzer.regional_model.services import definition_read, definition_store

from .catalogue import (
    DEFAULT_CATALOGUE_PATH,
    Catalogue,
    default_catalogue,
    parse_catalogue,
    parse_catalogue_bounded,
)
from .models import (
    CatalogueVersion,
    IndicatorScore,
    Observation,
    PeerObserver,
    SelfEvaluation,
    may_assign_peers,
    may_edit,
    may_observe,
    peer_candidates,
)
from .rules import ScoreError, ScoreInput, check_scores

MAX_GROUP_NAME = 40
MAX_NOTE = 2000


def catalogue_read(
    *, partnership: Partnership, text: str | bytes, filename: str, bounded: bool = False
):
    """Check a YAML catalogue as a new version for the partnership, storing nothing: its text,
    the `Catalogue` and the dict to store. A FormatError names every problem, and a version
    imported before (on its `version` line). `bounded`: an upload, read in the bounded child."""
    return definition_read(
        CatalogueVersion,
        partnership=partnership,
        text=text,
        filename=filename,
        parse=parse_catalogue_bounded if bounded else parse_catalogue,
        id_field="catalogue_id",
        refusal=_refusal,
    )


@transaction.atomic
def catalogue_import(
    *, partnership: Partnership, text: str | bytes, filename: str, user=None, bounded=False
) -> CatalogueVersion:
    """Check the YAML catalogue and store it as the partnership's newest version.

    Raises `FormatError` for problems, or when this version was imported before.
    """
    read = catalogue_read(partnership=partnership, text=text, filename=filename, bounded=bounded)
    return definition_store(
        CatalogueVersion,
        read,
        partnership=partnership,
        filename=filename,
        refusal=_refusal,
        id_field="catalogue_id",
        user=user,
    )


def _refusal(partnership: Partnership, catalogue: Catalogue) -> str:
    return gettext(
        "Version %(version)s of catalogue %(catalogue)s has already been imported for "
        "%(partnership)s; raise the version number."
    ) % {
        "version": catalogue.version,
        "catalogue": catalogue.id,
        "partnership": partnership.name,
    }


def catalogue_for(partnership: Partnership) -> CatalogueVersion:
    """The partnership's newest catalogue; until it has one, the shipped default, not stored
    (reading never writes: `stored_catalogue_for` stores it, on the first save that needs it)."""
    current = CatalogueVersion.objects.current_for(partnership)
    if current is not None:
        return current
    catalogue, definition = default_catalogue()
    return CatalogueVersion(
        partnership=partnership,
        catalogue_id=catalogue.id,
        version=catalogue.version,
        name=catalogue.name,
        definition=definition,
    )


def stored_catalogue_for(partnership: Partnership) -> CatalogueVersion:
    """The partnership's newest stored catalogue, for a self-evaluation or an observation to
    point at; the default one is read in on first use, in the saving transaction."""
    current = CatalogueVersion.objects.current_for(partnership)
    if current is not None:
        return current
    try:
        return catalogue_import(
            partnership=partnership,
            text=DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8"),
            filename=DEFAULT_CATALOGUE_PATH.name,
        )
    except FormatError:  # read in at the same moment by another request
        return CatalogueVersion.objects.current_for(partnership)


def evaluation_for(school: School, school_year: str, *, create: bool = False):
    """The school's self-evaluation for the year; with create=True one is started if needed."""
    evaluation = (
        SelfEvaluation.objects.select_related("catalogue")
        .filter(school=school, school_year=school_year)
        .first()
    )
    if evaluation is None and create:
        catalogue = stored_catalogue_for(school.board.partnership)
        evaluation, _ = SelfEvaluation.objects.get_or_create(
            school=school, school_year=school_year, defaults={"catalogue": catalogue}
        )
    return evaluation


@transaction.atomic
def scores_save(
    *,
    school: School,
    school_year: str,
    user,
    scores: dict[str, ScoreInput],
    files: dict[str, CheckedFile] | None = None,
    remove_files: frozenset[str] = frozenset(),
) -> SelfEvaluation:
    """Save the given indicators' scores (others stay as they are), all or none.

    Raises PermissionDenied for anyone but the school's editors and `ScoreError` naming every
    refused score.
    """
    if not may_edit(user, school):
        raise PermissionDenied(
            gettext(
                "Only the school's editors (head teacher, special needs coordinator) fill in the "
                "IJK."
            )
        )
    files = files or {}
    evaluation = evaluation_for(school, school_year, create=True)
    evaluation = SelfEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    catalogue = evaluation.catalogue.catalogue
    existing = {s.indicator: s for s in evaluation.scores.defer("content")}
    check_scores(
        catalogue,
        {
            code: ScoreInput(
                given.score,
                given.explanation,
                given.evidence_url,
                code in files or (code in existing and existing[code].has_file),
            )
            for code, given in scores.items()
        },
    )
    for code, given in scores.items():
        row = existing.get(code) or IndicatorScore(evaluation=evaluation, indicator=code)
        row.standard = catalogue.indicators[code].standard
        row.score = given.score
        row.explanation = given.explanation.strip()
        row.evidence_url = given.evidence_url.strip()
        row.updated_by = user
        if code in files:
            row.set_file(files[code])
        elif code in remove_files:
            row.set_file(CheckedFile(b"", "", ""))
        if row.pk and code not in files:
            fields = [
                "standard",
                "score",
                "explanation",
                "evidence_url",
                "updated_by",
                "updated_at",
            ]
            if code in remove_files:
                fields += ["content", "filename", "content_type", "size"]
            row.save(update_fields=fields)
        else:
            row.save()
    evaluation.updated_by = user
    evaluation.save(update_fields=["updated_by", "updated_at"])
    return evaluation


@transaction.atomic
def peer_assign(*, school: School, school_year: str, user, peer) -> PeerObserver:
    """Invite a school editor of another school of the partnership to observe this school."""
    if not may_assign_peers(user, school):
        raise PermissionDenied(
            gettext("Only the school's editors and the board's quality officer invite a colleague.")
        )
    if peer is None or not peer_candidates(school).filter(pk=peer.pk).exists():
        raise ScoreError(
            [
                Problem(
                    "peer",
                    gettext(
                        "Choose a head teacher or special needs coordinator of another school "
                        "of the partnership."
                    ),
                )
            ]
        )
    assignment, _ = PeerObserver.objects.get_or_create(
        school=school, school_year=school_year, user=peer, defaults={"assigned_by": user}
    )
    return assignment


@transaction.atomic
def observation_record(
    *,
    school: School,
    school_year: str,
    user,
    observed_on: date | None,
    group_name: str,
    notes: dict[str, str],
    scores: dict[str, int],
) -> Observation:
    """Record a Kijkwijzer observation; `ScoreError` names every refused part."""
    if not may_observe(user, school, school_year):
        raise PermissionDenied(
            gettext(
                "Only the board's quality officer or an invited colleague from another school "
                "records an observation."
            )
        )
    evaluation = evaluation_for(school, school_year)
    version = evaluation.catalogue if evaluation else stored_catalogue_for(school.board.partnership)
    catalogue = version.catalogue
    problems = []
    if observed_on is None:
        problems.append(Problem("observed_on", gettext("Fill in the date of the observation.")))
    elif observed_on > timezone.localdate():
        problems.append(
            Problem(
                "observed_on", gettext("The date of an observation does not lie in the future.")
            )
        )
    group_name = group_name.strip()
    if not group_name:
        problems.append(Problem("group_name", gettext("Fill in the group, for example 'groep 5'.")))
    elif len(group_name) > MAX_GROUP_NAME:
        problems.append(
            Problem(
                "group_name",
                gettext("The group is at most %(max)s characters, for example 'groep 5/6'.")
                % {"max": MAX_GROUP_NAME},
            )
        )
    items = {item.key for item in catalogue.items}
    for key, text in notes.items():
        if key not in items:
            problems.append(
                Problem(f"notes.{key}", gettext("unknown Kijkwijzer item '%(key)s'") % {"key": key})
            )
        elif len(text) > MAX_NOTE:
            problems.append(
                Problem(f"notes.{key}", gettext("at most %(max)s characters") % {"max": MAX_NOTE})
            )
    for code, score in scores.items():
        if code not in catalogue.observable:
            problems.append(
                Problem(
                    f"scores.{code}",
                    gettext("indicator '%(code)s' belongs to no Kijkwijzer item") % {"code": code},
                )
            )
        elif score not in catalogue.scores:
            problems.append(
                Problem(
                    f"scores.{code}",
                    gettext("choose a score from %(low)s up to and including %(high)s")
                    % {"low": catalogue.min_score, "high": catalogue.max_score},
                )
            )
    if not problems and not scores:
        problems.append(Problem("scores", gettext("Give a score for at least one indicator.")))
    if problems:
        raise ScoreError(problems)
    role = (
        Observation.ObserverRole.BOARD_OFFICER
        if is_board_officer_of(user, school.board)
        else Observation.ObserverRole.PEER
    )
    return Observation.objects.create(
        school=school,
        school_year=school_year,
        catalogue=version,
        observer=user,
        observer_name=display_name(user),
        observer_role=role,
        observed_on=observed_on,
        group_name=group_name,
        notes={key: text.strip() for key, text in notes.items() if text.strip()},
        scores=scores,
    )
