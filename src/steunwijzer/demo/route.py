"""The demo's route: deadlines, SOPs on their way to the partnership, and review comments.

`demo.build_demo` calls these after the profiles are written. Every step goes through the
route's own services (`profile_transition`, `deadline_set`, `comment_create`), so the timeline,
the MR's statements (made from the record when downloaded; nothing is uploaded), the
deadlines and the te-doen lists are real.

The steps are taken in order, each recorded on its own day counted back from today, like the
dates the steps record (the day of the advice, of establishment, of receipt, when pupils were
heard), so the demo reads like a school year under way. Each profile's saves end before its
first step (`history_ends_days_ago`).

What the demo shows:

| school | board | route | state |
|---|---|---|---|
| OBS De Regenboog | Haagse Kansrijke Scholen | SOP | concept, half written, late, open comments |
| OBS De Zeester | Haagse Kansrijke Scholen | SOP | bij het bestuur, after being sent back once |
| OBS Het Klaverblad | Haagse Kansrijke Scholen | SOP | bij de MR (for `mr`), late, open comments |
| Basisschool De Boomgaard | Haagse Kansrijke Scholen | SOP | advies gegeven, late |
| Daltonschool De Duinroos | Haagse Kansrijke Scholen | SOP | vastgesteld |
| IBS De Lantaarn | Haagse Kansrijke Scholen | none | no profile, late |
| RKBS De Lindeboom | Vliet en Duin | schoolgids | gepubliceerd, end to end |
| SBO De Wissel | Vliet en Duin | schoolgids | ontvangen |
| CBS De Wegwijzer | Vliet en Duin | schoolgids | concept, empty |
| KBS Het Palet | Vliet en Duin | none | no profile |
| Montessorischool Het Zeepaard | éénpitter | SOP | aangeleverd, established by its director |

Haagse Kansrijke Scholen set an earlier date than the partnership's, and it has passed.
"""

from datetime import timedelta
from unittest import mock

from django.utils import timezone

from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.models import Membership, Role
from steunwijzer.review.services import comment_create, comment_resolve
from steunwijzer.route.deadline_services import deadline_set
from steunwijzer.route.deadlines import school_year_bounds
from steunwijzer.route.definitions import SCHOOLGIDS_ROUTE
from steunwijzer.route.models import Route
from steunwijzer.route.reminders import due_reminders, send_once
from steunwijzer.route.services import profile_transition

# The board whose schools follow the schoolgids route (wet 36443) instead of the SOP route.
SCHOOLGIDS_BOARD = "vlietduin"
# The board with its own, earlier deadline, which has passed.
EARLY_BOARD = "kansrijk"
PARTNERSHIP_DUE_IN = timedelta(weeks=6)
BOARD_DUE_AGO = timedelta(days=10)
FRIDAY = 4

# Who takes a step: the school's director, its MR member, or a persona by username.
SCHOOL, MR = "school", "mr"
# Not a route action: the school saves changes (after the board sent the SOP back).
EDIT = "edit"

# The MR member of each school whose SOP the MR reads; helper accounts without a login, like
# the directors. The `mr` persona sits in the MR of De Regenboog (whose SOP is still a draft)
# and of Het Klaverblad, whose SOP waits for her advice: the README's MR tour.
MR_PERSONA_SCHOOLS = ("regenboog", "klaverblad")
MR_MEMBERS = {
    "zeester": ("Wendy", "Koster"),
    "boomgaard": ("Linda", "Wijnberg"),
    "duinroos": ("Ruud", "Schouten"),
    "lindeboom": ("Marieke", "Jansen"),
    "wissel": ("Gert", "Pronk"),
    "zeepaard": ("Femke", "Dijkstra"),
}

# Who chair and take the minutes of each MR that advises or consents in the demo, as its
# statement names them; the MR member above sits in it as a parent.
MR_OFFICERS = {
    "zeester": ("Wendy Koster", "Karim Bouzid"),
    "boomgaard": ("Jeroen Visser", "Linda Wijnberg"),
    "duinroos": ("Ruud Schouten", "Sanne de Ridder"),
    "lindeboom": ("Marieke Jansen", "Paul van Rijn"),
    "wissel": ("Esther Bos", "Gert Pronk"),
    "zeepaard": ("Femke Dijkstra", "Bram Hoekstra"),
}
# The MR decides at its meeting: the statement's meeting date is the day of the decision.
MR_DECISIONS = ("give_advice", "give_consent")

# The date each action records, filled in from the step's "days ago".
DATE_KEYS = {
    "give_advice": "date",
    "give_consent": "date",
    "establish": "established_on",
    "acknowledge": "received_on",
    "record_pupil_views": "heard_on",
}

ZEESTER_GROUP_SIZE = """
    Onze groepen hebben gemiddeld 25 leerlingen. In de combinatiegroepen zitten tot 29
    leerlingen. In een groep van die grootte is weinig ruimte. Daar past geen tweede kind dat
    de hele dag eigen hulp nodig heeft.

    Bij elke aanmelding kijken we naar de samenstelling van de groep. Hoe groot is die? Hoeveel
    kinderen krijgen er al extra hulp? Zitten er al drie leerlingen met extra hulp van SWV
    Hofstad in de groep? Dan plaatsen we er geen nieuwe leerling met een grote vraag bij. We
    zoeken dan met de ouders naar een andere groep of een andere school.
"""

# Per school, oldest first: (days ago, who, action, payload).
ROUTE_PLANS: dict[str, list[tuple[int, str, str, dict]]] = {
    # Sent back once by the board, changed, advised on again and resubmitted.
    "zeester": [
        (34, SCHOOL, "request_advice", {}),
        (30, MR, "give_advice", {"advice": "positief"}),
        (29, SCHOOL, "submit_to_board", {}),
        (
            24,
            "kwaliteit",
            "return_to_school",
            {
                "remarks": (
                    "Bij 'Groepsgrootte en samenstelling' staat dat groep 7/8 dit jaar de zwaarste "
                    "groep is en dat daar geen nieuwe leerling met een grote gedragsvraag bij "
                    "komt. "
                    "Noem liever geen groep bij naam: over een paar maanden klopt het niet meer en "
                    "de ouders van die groep lezen mee. Beschrijf de afspraak die voor elke groep "
                    "geldt."
                ),
            },
        ),
        (20, SCHOOL, EDIT, {"groepsgrootte_en_samenstelling": ZEESTER_GROUP_SIZE}),
        (
            19,
            SCHOOL,
            "request_advice",
            {
                "note": "Alleen de alinea over de groepsgrootte is veranderd, op vraag van het "
                "bestuur.",
            },
        ),
        (
            15,
            MR,
            "give_advice",
            {
                "advice": "positief",
                "motivation": "De nieuwe alinea over de groepsgrootte is duidelijker voor ouders.",
            },
        ),
        (14, SCHOOL, "submit_to_board", {}),
    ],
    "klaverblad": [
        (
            16,
            SCHOOL,
            "request_advice",
            {
                "note": "Graag uw advies vóór de MR-vergadering van volgende maand.",
            },
        ),
    ],
    "boomgaard": [
        (21, SCHOOL, "request_advice", {}),
        (
            12,
            MR,
            "give_advice",
            {
                "advice": "positief_met_opmerkingen",
                "motivation": (
                    "De MR vindt het profiel eerlijk over wat de school niet kan. Twee "
                    "opmerkingen: "
                    "schrijf bij de Boomgaardklas hoe ouders zelf kunnen vragen of hun kind mee "
                    "mag doen, en leg uit wat 'een unit is vol bij 78 leerlingen' betekent voor "
                    "broertjes en zusjes."
                ),
            },
        ),
    ],
    "duinroos": [
        (40, SCHOOL, "request_advice", {}),
        (33, MR, "give_advice", {"advice": "positief"}),
        (32, SCHOOL, "submit_to_board", {}),
        (26, "kwaliteit", "establish", {"note": "Vastgesteld in het directeurenoverleg."}),
    ],
    # The éénpitter: its director writes the SOP and establishes and delivers it as its board.
    "zeepaard": [
        (28, SCHOOL, "request_advice", {}),
        (
            22,
            MR,
            "give_advice",
            {
                "advice": "positief",
                "motivation": "Fijn dat de grenzen van het open montessori-lokaal er eerlijk "
                "staan.",
            },
        ),
        (21, SCHOOL, "submit_to_board", {}),
        (20, SCHOOL, "establish", {"note": "Vastgesteld als directeur-bestuurder."}),
        (20, SCHOOL, "deliver", {}),
    ],
    # The schoolgids route end to end.
    "lindeboom": [
        (
            45,
            SCHOOL,
            "record_pupil_views",
            {
                "method": "leerlingenraad",
                "views": (
                    "De leerlingenraad (twee leerlingen uit elke groep 5 tot en met 8) las de "
                    "hoofdstukken over ondersteuning. De leerlingen vinden de stiltehoeken fijn, "
                    "maar die op de tweede verdieping is te klein: er is vaak geen plek. Ze willen "
                    "dat ook groep 5 zelf meeschrijft aan het eigen plan. Over de Lindeklas zeiden "
                    "ze dat klasgenoten niet goed weten wat je daar doet."
                ),
                "response": (
                    "De stiltehoek op de tweede verdieping wordt na de herfstvakantie groter. "
                    "Vanaf "
                    "januari schrijven de leerlingen van groep 5 mee aan hun eigen plan. De "
                    "Lindeklas laat twee keer per jaar in alle groepen zien waaraan ze werkt."
                ),
            },
        ),
        (40, SCHOOL, "request_consent", {}),
        (
            33,
            MR,
            "give_consent",
            {
                "decision": "instemming",
                "motivation": "De oudergeleding stemt in. Goed dat de inbreng van de "
                "leerlingenraad "
                "is verwerkt.",
            },
        ),
        (32, SCHOOL, "submit_to_board", {}),
        (27, "kwaliteit2", "establish", {}),
        (26, "kwaliteit2", "deliver", {}),
        (25, "swv", "acknowledge", {}),
        (25, SCHOOL, "publish", {}),
    ],
    "wissel": [
        (
            38,
            SCHOOL,
            "record_pupil_views",
            {
                "method": "klassengesprekken",
                "views": (
                    "In alle groepen vroegen de leerkrachten: wat helpt jou in de klas en wat vind "
                    "je lastig? Veel leerlingen noemden het dagprogramma op het bord en de vaste "
                    "plek in de klas. Lastig vinden ze de overgang naar de gymzaal en het wachten "
                    "als de onderwijsassistent met een ander groepje bezig is."
                ),
                "response": (
                    "Elke groep loopt nu met de onderwijsassistent samen naar de gymzaal. Op elke "
                    "tafel ligt een kaart met wat je kunt doen terwijl je op hulp wacht."
                ),
            },
        ),
        (35, SCHOOL, "request_consent", {}),
        (29, MR, "give_consent", {"decision": "instemming"}),
        (28, SCHOOL, "submit_to_board", {}),
        (22, "kwaliteit2", "establish", {}),
        (21, "kwaliteit2", "deliver", {"note": "Met de andere scholen van Vliet en Duin."}),
        (18, "swv", "acknowledge", {}),
    ],
}

# Review comments: (author, field, remark, reply by the school or None). A thread the school
# replied to is resolved; the others are open.
COMMENTS: dict[str, list[tuple[str, str, str, tuple[str, str] | None]]] = {
    "regenboog": [
        (
            MR,
            "ouders_en_leerlingen",
            "Fijn dat ouders iemand mogen meenemen die voor hen vertaalt. Weten ouders dat ook? "
            "Staat het in de uitnodiging voor het driehoeksgesprek?",
            (
                "ib",
                "Ja, het staat in de uitnodiging, in het Nederlands, Turks en Arabisch. De "
                "leerkracht zegt het er bij het eerste gesprek ook nog bij.",
            ),
        ),
        (
            "kwaliteit",
            "basiskwaliteit",
            "De inspectie vroeg jullie beter na te gaan of extra hulp ook echt werkt. Schrijf bij "
            "'Planmatig en handelingsgericht werken' (nog leeg) hoe jullie dat nu doen, "
            "bijvoorbeeld na hoeveel weken jullie een plan bekijken.",
            None,
        ),
        (
            MR,
            "expertise_team",
            "De onderwijsassistent in groep 1 en 2 staat hier voor 16 uur per week. Blijft dat zo "
            "als de subsidie voor het jonge kind stopt? Dat willen ouders graag weten.",
            None,
        ),
    ],
    "klaverblad": [
        (
            "kwaliteit",
            "deskundigheid_en_beschikbaarheid",
            "Is er nu een wachtlijst voor de taalklas? Als die lang is, moeten ouders dat weten.",
            (
                SCHOOL,
                "Er wachten nu drie kinderen, gemiddeld zes weken. Dat aantal wisselt elke "
                "maand; daarom vertellen we het bij de intake en zetten we het niet in het "
                "profiel.",
            ),
        ),
        (
            MR,
            "groepsgrootte_en_samenstelling",
            "Hier staat dat u ouders helpt een andere school in de buurt te vinden als de groep "
            "vol "
            "is. Hoe doet u dat, en hoe lang duurt het? De MR wil dat weten voordat we advies "
            "geven.",
            None,
        ),
        (
            MR,
            "grenzen_niet_bieden",
            "Wat gebeurt er met een nieuwkomer van twaalf die nog een jaar basisschool nodig "
            "heeft? "
            "Moet die dan toch naar de schakelklas?",
            None,
        ),
    ],
}


def install_routes(partnership, boards) -> None:
    """The schoolgids route for one board; before its profiles start, which copy their route."""
    Route.install(partnership, SCHOOLGIDS_ROUTE, boards=[boards[SCHOOLGIDS_BOARD]])


def set_deadlines(partnership, boards, people, today) -> None:
    """The partnership's date, a Friday some weeks ahead, and one board's own date, passed.

    Both lie in this school year, as `deadline_set` requires; only on 1 August itself can the
    board's date not have passed yet.
    """
    school_year = school_year_of(today)
    first, last = school_year_bounds(school_year)
    ahead = today + PARTNERSHIP_DUE_IN
    friday = ahead + timedelta(days=(FRIDAY - ahead.weekday()) % 7)
    deadline_set(
        user=people["swv"],
        partnership=partnership,
        school_year=school_year,
        due_on=min(friday, last),
    )
    deadline_set(
        user=people["kwaliteit"],
        partnership=partnership,
        board=boards[EARLY_BOARD],
        school_year=school_year,
        due_on=max(today - BOARD_DUE_AGO, first),
    )


def mr_usernames() -> list[str]:
    return [f"mr.{key}" for key in MR_MEMBERS]


def create_mr_members(schools, people, create_user) -> dict:
    """school key → its MR member: the `mr` persona for its schools, else an account without
    login."""
    members = dict.fromkeys(MR_PERSONA_SCHOOLS, people["mr"])
    for key, (first_name, last_name) in MR_MEMBERS.items():
        user = create_user(f"mr.{key}", first_name, last_name, None)
        Membership.objects.create(
            user=user,
            role=Role.MR_MEMBER,
            function=Membership.Function.PARENT,
            school=schools[key],
        )
        members[key] = user
    return members


def history_ends_days_ago(school_key: str) -> int:
    """A profile's saves end the day before its first step on the route."""
    plan = ROUTE_PLANS.get(school_key)
    return plan[0][0] + 1 if plan else 0


def walk_routes(profiles, people, directors, mr_members, save) -> int:
    """Take every planned step; `save(profile, user, answers)` saves an edit. Returns the steps."""
    today = timezone.localdate()
    taken = 0
    for key, plan in ROUTE_PLANS.items():
        profile = profiles[key]
        actors = {SCHOOL: directors[key], MR: mr_members.get(key)}
        for days_ago, who, action, payload in plan:
            user = actors.get(who) or people[who]
            if action == EDIT:
                profile = save(profile, user, payload)
                moment = timezone.now() - timedelta(days=days_ago)
                profile.revisions.filter(number=profile.version).update(created_at=moment)
                continue
            payload = dict(payload)
            if action in DATE_KEYS:
                payload[DATE_KEYS[action]] = (today - timedelta(days=days_ago)).isoformat()
            if action in MR_DECISIONS:
                chair, secretary = MR_OFFICERS[key]
                payload |= {
                    "meeting_on": payload["date"],
                    "chair_name": chair,
                    "secretary_name": secretary,
                }
            # Taken on its own day, not now: the overviews read the day of delivery from the
            # step's record, and a delivery recorded today would follow a receipt dated weeks
            # ago. The timeline cannot be changed afterwards, so the clock is set instead.
            moment = timezone.now() - timedelta(days=days_ago)
            with mock.patch("django.utils.timezone.now", return_value=moment):
                profile_transition(profile_id=profile.pk, user=user, action=action, payload=payload)
            taken += 1
    return taken


def place_comments(profiles, people, directors, mr_members) -> int:
    """Comment threads from the MR and the board; the school answered and resolved one each."""
    placed = 0
    for key, threads in COMMENTS.items():
        profile = profiles[key]
        actors = {SCHOOL: directors[key], MR: mr_members[key]}
        for author, field_key, body, reply in threads:
            thread = comment_create(
                profile=profile,
                user=actors.get(author) or people[author],
                chapter_key=profile.sop_format.chapter_of(field_key).key,
                field_key=field_key,
                body=body,
            )
            placed += 1
            if reply is not None:
                replier, answer = reply
                school_user = actors.get(replier) or people[replier]
                comment_create(
                    profile=profile, user=school_user, chapter_key="", body=answer, parent=thread
                )
                comment_resolve(comment=thread, user=school_user)
    return placed


def send_reminders(today) -> int:
    """Today's run of `steunwijzer remind`, so the overviews list the reminders it sent; the
    demo's build sends no real e-mail (its mail backend is the dummy one)."""
    return sum(send_once(r, user) for r in due_reminders(today) for user in r.recipients)
