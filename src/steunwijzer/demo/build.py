"""The demo: a fictional partnership with boards, schools, people and SOPs at every stage.

`steunwijzer demo` loads it once into an empty database through `manage.py load_demo`, then
prints `DEMO_LOGINS`. Every organisation, person, BRIN code, address and web address here is
made up (web addresses end in .example, e-mail addresses in example.nl). The texts of the
profiles live in `content.py`; this module builds the organisations and people and saves
those texts through the same services the editor uses, so the demo has a real history.
`route.py` then sets the deadlines and takes the SOPs along their route (every state, some
late, one board on the schoolgids route) and places review comments.
"""

import re
import textwrap
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.models import Board, Membership, Partnership, Role, School
from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.profiles.services import profile_create, profile_update
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
from steunwijzer.regional_model.services import format_import

from . import publication as publication_demo
from . import route as demo_route
from . import security as demo_security
from .content import PROFILE_HISTORY
from .dashboards import build_dashboards_demo
from .diversity import build_diversity_demo
from .ijk import build_ijk_demo

DEMO_SLUG = "hofstad"
DEMO_PASSWORD = "steunwijzer-demo"
# The school whose team the main personas belong to; its SOP is deliberately half written.
FLAGSHIP_SCHOOL = "regenboog"
FLAGSHIP_BRIN = "17XK"

PARTNERSHIP = {
    "name": "Samenwerkingsverband Passend Onderwijs Hofstad",
    "short_name": "SWV Hofstad",
    "slug": DEMO_SLUG,
    "main_colour": "#2f6e73",
    "contact_email": "info@swv-hofstad.example",
    "website": "https://swv-hofstad.example",
    "steunpunt_name": "Ouder- en jeugdsteunpunt Hofstad",
    "steunpunt_email": "steunpunt@swv-hofstad.example",
    "steunpunt_phone": "070 123 45 67",
    "steunpunt_website": "https://swv-hofstad.example/steunpunt",
}

BOARDS = {
    "kansrijk": {
        "name": "Stichting Haagse Kansrijke Scholen",
        "board_number": "99101",
        "website": "https://haagsekansrijkescholen.example",
    },
    "vlietduin": {
        "name": "Stichting Vliet en Duin",
        "board_number": "99102",
        "website": "https://vlietenduin.example",
    },
    "zeepaard": {
        "name": "Stichting Montessorischool Het Zeepaard",
        "board_number": "99103",
        "website": "https://montessorizeepaard.example",
    },
}


# Where the demo schools stand: near the middle of their postcode in Den Haag and around, as
# a geocoder would place them (the demo is built without asking one).
PLACES = {
    "regenboog": (52.04312, 4.27018),
    "zeester": (52.10498, 4.27512),
    "klaverblad": (52.06397, 4.31805),
    "duinroos": (52.05302, 4.23291),
    "lantaarn": (52.07794, 4.31288),
    "boomgaard": (52.04893, 4.36297),
    "lindeboom": (52.02796, 4.32694),
    "wegwijzer": (52.07001, 4.35995),
    "wissel": (52.09003, 4.34012),
    "palet": (52.07305, 4.27003),
    "zeepaard": (52.10897, 4.28199),
}


def _school(
    key,
    board,
    brin,
    name,
    address,
    postcode,
    city,
    municipality,
    district,
    denomination,
    pupils,
    director,
    domain,
    phone,
    school_type=School.Type.BAO,
):
    return {
        "key": key,
        "board": board,
        "director": director,
        "fields": {
            "brin": brin,
            "vestiging": "00",
            "name": name,
            "school_type": school_type,
            "street_address": address,
            "postcode": postcode,
            "city": city,
            "municipality": municipality,
            "district": district,
            "denomination": denomination,
            "pupil_count": pupils,
            "contact_name": " ".join(director),
            "contact_email": f"directie@{domain}",
            "contact_phone": phone,
            "website": f"https://{domain}",
            "latitude": PLACES[key][0],
            "longitude": PLACES[key][1],
        },
    }


# BRIN codes use the letters Q, X and Z so they are unlikely to belong to a real school.
SCHOOLS = [
    _school(
        "regenboog",
        "kansrijk",
        FLAGSHIP_BRIN,
        "OBS De Regenboog",
        "Kleurenlaan 12",
        "2543 RB",
        "Den Haag",
        "Den Haag",
        "Escamp",
        "openbaar",
        312,
        ("Sandra", "Verhoeven"),
        "obsderegenboog.example",
        "070 555 21 40",
    ),
    _school(
        "zeester",
        "kansrijk",
        "21QX",
        "OBS De Zeester",
        "Ankerstraat 5",
        "2584 ZT",
        "Den Haag",
        "Den Haag",
        "Scheveningen",
        "openbaar",
        245,
        ("Erik", "de Groot"),
        "obsdezeester.example",
        "070 555 34 12",
    ),
    _school(
        "klaverblad",
        "kansrijk",
        "24XZ",
        "OBS Het Klaverblad",
        "Klaverstraat 88",
        "2525 KL",
        "Den Haag",
        "Den Haag",
        "Laak",
        "openbaar",
        198,
        ("Ayşe", "Demir"),
        "obshetklaverblad.example",
        "070 555 19 83",
    ),
    _school(
        "duinroos",
        "kansrijk",
        "28QZ",
        "Daltonschool De Duinroos",
        "Duinroosweg 140",
        "2553 DR",
        "Den Haag",
        "Den Haag",
        "Loosduinen",
        "openbaar",
        410,
        ("Peter", "van Leeuwen"),
        "daltondeduinroos.example",
        "070 555 72 31",
    ),
    _school(
        "lantaarn",
        "kansrijk",
        "33XQ",
        "Islamitische Basisschool De Lantaarn",
        "Lantaarnplein 3",
        "2512 LT",
        "Den Haag",
        "Den Haag",
        "Centrum",
        "islamitisch",
        280,
        ("Samira", "Bouzid"),
        "ibsdelantaarn.example",
        "070 555 63 08",
    ),
    _school(
        "boomgaard",
        "kansrijk",
        "36ZX",
        "Basisschool De Boomgaard",
        "Appelgaarde 20",
        "2497 BG",
        "Den Haag",
        "Den Haag",
        "Leidschenveen-Ypenburg",
        "algemeen bijzonder",
        520,
        ("Marloes", "de Wit"),
        "deboomgaard.example",
        "015 555 22 10",
    ),
    _school(
        "lindeboom",
        "vlietduin",
        "42ZQ",
        "RKBS De Lindeboom",
        "Lindelaan 31",
        "2284 LB",
        "Rijswijk",
        "Rijswijk",
        "Rijswijk-Zuid",
        "rooms-katholiek",
        360,
        ("Bart", "Hoekstra"),
        "rkbsdelindeboom.example",
        "070 555 48 90",
    ),
    _school(
        "wegwijzer",
        "vlietduin",
        "47QQ",
        "CBS De Wegwijzer",
        "Wegwijzerhof 7",
        "2271 WW",
        "Voorburg",
        "Leidschendam-Voorburg",
        "Voorburg-Midden",
        "protestants-christelijk",
        230,
        ("Els", "Brouwer"),
        "cbsdewegwijzer.example",
        "070 555 90 17",
    ),
    _school(
        "wissel",
        "vlietduin",
        "53XX",
        "SBO De Wissel",
        "Spoorwissel 2",
        "2594 SW",
        "Den Haag",
        "Den Haag",
        "Haagse Hout",
        "protestants-christelijk",
        140,
        ("Hans", "Jacobs"),
        "sbodewissel.example",
        "070 555 67 02",
        school_type=School.Type.SBO,
    ),
    _school(
        "palet",
        "vlietduin",
        "58ZZ",
        "KBS Het Palet",
        "Paletstraat 15",
        "2563 PT",
        "Den Haag",
        "Den Haag",
        "Segbroek",
        "rooms-katholiek",
        94,
        ("Monique", "Vos"),
        "kbshetpalet.example",
        "070 555 11 59",
    ),
    _school(
        "zeepaard",
        "zeepaard",
        "61QZ",
        "Montessorischool Het Zeepaard",
        "Zeepaardstraat 9",
        "2586 ZP",
        "Den Haag",
        "Den Haag",
        "Scheveningen",
        "algemeen bijzonder",
        165,
        ("Joost", "van der Meer"),
        "montessorizeepaard.example",
        "070 555 80 44",
    ),
]

F = Membership.Function

# username, first name, last name, description (printed by `steunwijzer demo` and the README),
# memberships as (role, function, "school"/"board"/"partnership"/None, key).
PERSONAS = [
    (
        "directeur",
        "Sandra",
        "Verhoeven",
        "Sandra Verhoeven, directeur van OBS De Regenboog (Den Haag, Escamp): schrijft het SOP; "
        "het is half af en te laat, en de MR en het bestuur hebben opmerkingen geplaatst",
        [(Role.SCHOOL_EDITOR, F.DIRECTOR, "school", "regenboog")],
    ),
    (
        "ib",
        "Fatima",
        "el Amrani",
        "Fatima el Amrani, intern begeleider van OBS De Regenboog: schrijft het SOP mee",
        [(Role.SCHOOL_EDITOR, F.INTERNAL_SUPERVISOR, "school", "regenboog")],
    ),
    (
        "leerkracht",
        "Daan",
        "Bakker",
        "Daan Bakker, leerkracht groep 5 van OBS De Regenboog: teamlid, leest het SOP mee",
        [(Role.SCHOOL_TEAM, F.TEACHER, "school", "regenboog")],
    ),
    (
        "mr",
        "Priya",
        "Ramdin",
        "Priya Ramdin, ouder in de medezeggenschapsraad (MR) van OBS De Regenboog en van OBS "
        "Het Klaverblad: het SOP van Het Klaverblad wacht op haar advies; bij De Regenboog leest "
        "zij mee en plaatst opmerkingen",
        [
            (Role.MR_MEMBER, F.PARENT, "school", "regenboog"),
            (Role.MR_MEMBER, F.PARENT, "school", "klaverblad"),
        ],
    ),
    (
        "directeur2",
        "Erik",
        "de Groot",
        "Erik de Groot, directeur van OBS De Zeester (Den Haag, Scheveningen): het SOP ligt bij "
        "het bestuur, nadat het één keer is teruggestuurd",
        [(Role.SCHOOL_EDITOR, F.DIRECTOR, "school", "zeester")],
    ),
    (
        "kwaliteit",
        "Annelies",
        "Vermeulen",
        "Annelies Vermeulen, kwaliteitsmedewerker van Stichting Haagse Kansrijke Scholen "
        "(6 scholen, waaronder OBS De Regenboog): stelt de SOP's vast en levert ze aan; de "
        "termijn van het bestuur is verstreken",
        [(Role.BOARD_OFFICER, F.OTHER, "board", "kansrijk")],
    ),
    (
        "kwaliteit2",
        "Mehmet",
        "Kaya",
        "Mehmet Kaya, kwaliteitsmedewerker van Stichting Vliet en Duin "
        "(4 scholen, waaronder SBO De Wissel), die de schoolgidsroute volgen",
        [(Role.BOARD_OFFICER, F.OTHER, "board", "vlietduin")],
    ),
    (
        "eenpitter",
        "Joost",
        "van der Meer",
        "Joost van der Meer, directeur-bestuurder van Montessorischool Het Zeepaard "
        "(éénpitter): schrijft het SOP én stelt het namens het bestuur vast; het is aangeleverd",
        [
            (Role.SCHOOL_EDITOR, F.DIRECTOR, "school", "zeepaard"),
            (Role.BOARD_OFFICER, F.OTHER, "board", "zeepaard"),
        ],
    ),
    (
        "swv",
        "Noor",
        "Hendriks",
        "Noor Hendriks, medewerker van het samenwerkingsverband SWV Hofstad: SOP-model, "
        "termijnen en de ontvangst van aangeleverde SOP's",
        [(Role.PARTNERSHIP_STAFF, F.OTHER, "partnership", DEMO_SLUG)],
    ),
    (
        "beheer",
        "Tom",
        "Visser",
        "Tom Visser, beheerder van het platform (ook toegang tot /beheer/)",
        [(Role.PLATFORM_ADMIN, F.OTHER, None, None)],
    ),
]

DEMO_LOGINS: list[tuple[str, str]] = [
    (username, description) for username, _, _, description, _ in PERSONAS
]

# Where a history step's author is "directie", the school's director wrote it.
DIRECTOR_AUTHOR = "directie"
DUMMY_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


class DemoAlreadyLoaded(Exception):
    pass


def demo_loaded() -> bool:
    return Partnership.objects.filter(slug=DEMO_SLUG).exists()


def build_demo(stdout=None) -> Partnership:
    """Create the whole demo in one transaction; refuse if (part of) it already exists."""

    def say(message):
        if stdout is not None:
            stdout.write(message + "\n")

    user_model = get_user_model()
    # The route's steps e-mail whoever is next once the transaction commits; the demo's people
    # are made up, so nothing is sent while building it.
    with override_settings(EMAIL_BACKEND=DUMMY_EMAIL_BACKEND), transaction.atomic():
        if demo_loaded():
            raise DemoAlreadyLoaded(
                f"De demodata is al geladen: samenwerkingsverband '{DEMO_SLUG}' bestaat al."
            )
        usernames = (
            [username for username, *_ in PERSONAS]
            + [_director_username(s["key"]) for s in SCHOOLS]
            + demo_route.mr_usernames()
        )
        taken = sorted(
            user_model.objects.filter(username__in=usernames).values_list("username", flat=True)
        )
        if taken:
            raise DemoAlreadyLoaded(
                "Deze gebruikersnamen van de demo bestaan al: " + ", ".join(taken) + "."
            )

        partnership = Partnership.objects.create(**PARTNERSHIP)
        boards = {
            key: Board.objects.create(partnership=partnership, **values)
            for key, values in BOARDS.items()
        }
        schools = {
            s["key"]: School.objects.create(board=boards[s["board"]], **s["fields"])
            for s in SCHOOLS
        }
        say(f"{partnership.short_name}: {len(boards)} besturen en {len(schools)} scholen.")

        people = _create_personas(partnership, boards, schools)
        directors = _create_directors(schools, people)
        mr_members = demo_route.create_mr_members(schools, people, _create_user)
        without_login = sum(1 for user in directors.values() if not user.has_usable_password())
        say(
            f"{len(PERSONAS)} demo-accounts; {without_login} directeuren en "
            f"{len(demo_route.MR_MEMBERS)} MR-leden zonder demo-login."
        )

        format_import(
            partnership=partnership,
            text=DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"),
            filename=DEFAULT_FORMAT_PATH.name,
            user=people["swv"],
        )
        # Before the profiles: a profile keeps the route it started with.
        demo_route.install_routes(partnership, boards)
        today = timezone.localdate()
        demo_route.set_deadlines(partnership, boards, people, today)
        school_year = school_year_of(today)
        profiles = {
            key: _build_profile(
                schools[key],
                school_year,
                history,
                people,
                directors[key],
                ends_days_ago=demo_route.history_ends_days_ago(key),
            )
            for key, history in PROFILE_HISTORY.items()
        }
        say(
            f"{len(PROFILE_HISTORY)} schoolondersteuningsprofielen voor {school_year}; "
            f"{len(schools) - len(PROFILE_HISTORY)} scholen zonder profiel."
        )
        steps = demo_route.walk_routes(profiles, people, directors, mr_members, _save_answers)
        comments = demo_route.place_comments(profiles, people, directors, mr_members)
        say(f"{steps} stappen in de route gezet en {comments} opmerkingen geplaatst.")
        earlier = publication_demo.publish_previous_year(
            schools, PROFILE_HISTORY, directors, _stored_answers
        )
        say(f"{earlier} gepubliceerde SOP's van vorig schooljaar; schoolzoeker opgebouwd.")
        demo_security.install_two_factor(people)
        say(f"{build_diversity_demo(schools, school_year, directors)} Invulschema's ingevuld.")
        say(
            build_ijk_demo(
                schools=schools,
                people=people,
                directors=directors,
                school_year=school_year,
                today=today,
            )
        )
        sent = demo_route.send_reminders(today)
        say(f"{sent} herinneringen verstuurd door de dagelijkse run (geen echte e-mail).")
        say(
            build_dashboards_demo(
                partnership=partnership,
                boards=boards,
                people=people,
                school_year=school_year,
                today=today,
            )
        )
    return partnership


def _director_username(school_key: str) -> str:
    return f"{DIRECTOR_AUTHOR}.{school_key}"


def _create_user(username, first_name, last_name, password, **extra):
    user_model = get_user_model()
    return user_model.objects.create_user(
        username=username,
        email=f"{username}@example.nl",
        password=password,
        first_name=first_name,
        last_name=last_name,
        **extra,
    )


def _create_personas(partnership, boards, schools) -> dict:
    scopes = {"school": schools, "board": boards, "partnership": {DEMO_SLUG: partnership}}
    people = {}
    for username, first_name, last_name, _, memberships in PERSONAS:
        is_admin = any(role == Role.PLATFORM_ADMIN for role, *_ in memberships)
        user = _create_user(
            username,
            first_name,
            last_name,
            DEMO_PASSWORD,
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        for role, function, scope, key in memberships:
            organisation = {scope: scopes[scope][key]} if scope else {}
            Membership.objects.create(user=user, role=role, function=function, **organisation)
        people[username] = user
    return people


def _create_directors(schools, people) -> dict:
    """Every school's director: a persona where there is one, else an account without login."""
    persona_directors = {
        key: people[username]
        for username, _, _, _, memberships in PERSONAS
        for role, function, scope, key in memberships
        if role == Role.SCHOOL_EDITOR and function == F.DIRECTOR and scope == "school"
    }
    directors = {}
    for spec in SCHOOLS:
        key = spec["key"]
        if key in persona_directors:
            directors[key] = persona_directors[key]
            continue
        first_name, last_name = spec["director"]
        # No password: these people make the data realistic but are not demo logins.
        user = _create_user(_director_username(key), first_name, last_name, None)
        Membership.objects.create(
            user=user, role=Role.SCHOOL_EDITOR, function=F.DIRECTOR, school=schools[key]
        )
        directors[key] = user
    return directors


def _build_profile(school, school_year, history, people, director, ends_days_ago=0) -> Profile:
    profile = profile_create(school=school, school_year=school_year, user=director)
    for author_name, answers in history:
        author = director if author_name == DIRECTOR_AUTHOR else people[author_name]
        profile = _save_answers(profile, author, answers)
    _spread_history(profile, ends_days_ago)
    return profile


def _save_answers(profile, author, answers: dict) -> Profile:
    """Save readable demo content as `author`, the way the editor saves."""
    return profile_update(
        profile_id=profile.pk,
        user=author,
        base_version=profile.version,
        changes=_stored_answers(profile, answers, int(profile.school_year[:4])),
        reason=Revision.Reason.SAVE,
    ).profile


def _stored_answers(profile, answers: dict, start_year: int) -> dict:
    """Turn the readable demo content into the stored form `profile_update` expects."""
    sop_format = profile.sop_format
    stored = {}
    for key, value in answers.items():
        value = _fill_years(value, start_year)
        field = sop_format.field(key)
        if field is not None and field.type == "long_text":
            value = _unwrap(value)
        stored[key] = value
    return stored


def _fill_years(value, start_year: int):
    """Replace {jaar}-style placeholders so dates and texts move along with the school year."""
    if isinstance(value, str):
        years = {
            "{jaar}": start_year,
            "{volgend_jaar}": start_year + 1,
            "{vorig_jaar}": start_year - 1,
            "{twee_jaar_geleden}": start_year - 2,
        }
        for placeholder, year in years.items():
            value = value.replace(placeholder, str(year))
        return value
    if isinstance(value, list):
        return [_fill_years(item, start_year) for item in value]
    if isinstance(value, dict):
        return {key: _fill_years(item, start_year) for key, item in value.items()}
    return value


def _unwrap(text: str) -> str:
    """Join the hard-wrapped lines of the demo content: one line per paragraph or "- " item.

    Paragraphs and lists are separated by blank lines, as in the editor's markup.
    """
    blocks = []
    for block in re.split(r"\n\s*\n", textwrap.dedent(text).strip()):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if lines and not line.startswith("- "):
                lines[-1] += " " + line
            else:
                lines.append(line)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _spread_history(profile: Profile, ends_days_ago: int = 0) -> None:
    """Date the revisions over the past weeks, so the history reads like real teamwork."""
    revisions = list(profile.revisions.order_by("number"))
    end = timezone.now() - timedelta(days=ends_days_ago, hours=2 + profile.school_id % 5)
    start = end - timedelta(days=3 * len(revisions), hours=profile.school_id % 7)
    steps = max(len(revisions) - 1, 1)
    moments = [start + (end - start) * index / steps for index in range(len(revisions))]
    for revision, moment in zip(revisions, moments, strict=True):
        Revision.objects.filter(pk=revision.pk).update(created_at=moment)
    Profile.objects.filter(pk=profile.pk).update(created_at=start, updated_at=moments[-1])
