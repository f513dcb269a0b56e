"""The route an SOP takes to become official, as plain data.

A route is a set of steps; each step is an action (its API name is a public contract) that
one or more roles may take from certain states to a target state. Partnerships store their
routes as JSON (`Route.definition`); the two defaults below are the seed letter's route and
the yearly schoolgids route of the 2024 law change (Kamerstuk 36443).
"""

from dataclasses import dataclass, field

# A pseudo-role: the school editor of an éénpitter, who may do what its board officer does.
SINGLE_SCHOOL_EDITOR = "single_school_editor"


@dataclass(frozen=True)
class Step:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...]
    # Who hears about it afterwards: roles at the school, its board or its partnership.
    notify: tuple[str, ...] = ()
    # For consent: a refusal sends the SOP back here instead of to `target`.
    rejected_target: str | None = None
    # A step one may take but need not (taking an SOP back): it makes nobody "aan zet".
    optional: bool = False
    # Rules beyond role and state, by name (`route.guards.GUARDS`), checked in this order.
    guards: tuple[str, ...] = ()


@dataclass(frozen=True)
class RouteDefinition:
    key: str
    name: str
    steps: tuple[Step, ...] = ()
    _by_action: dict = field(default_factory=dict, compare=False, repr=False)
    _expected: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        for step in self.steps:
            self._by_action[step.action] = step

    def step(self, action: str) -> Step | None:
        return self._by_action.get(action)

    def actions_for(self, state: str, roles: set[str]) -> list[str]:
        return [s.action for s in self.steps if state in s.sources and roles & set(s.roles)]

    def expected_steps(self, state: str) -> tuple[Step, ...]:
        """The steps someone must take from this state, in the route's order: not the
        optional ones, and not a shortcut past the state another step from here leads to
        (the school may publish a delivered SOP before the partnership confirms its receipt,
        but it is the partnership whose turn it is)."""
        if state not in self._expected:
            order = {name: i for i, name in enumerate(self.states)}
            here = order.get(state, -1)
            steps = [s for s in self.steps if state in s.sources and not s.optional]
            nearest = min((order[s.target] for s in steps if order[s.target] > here), default=None)
            self._expected[state] = tuple(
                s for s in steps if nearest is None or order[s.target] <= nearest
            )
        return self._expected[state]

    @property
    def states(self) -> list[str]:
        """The states this route passes, in the order of its steps."""
        seen = ["concept"]
        for step in self.steps:
            for state in (*step.sources, step.target):
                if state not in seen:
                    seen.append(state)
        return seen


def route_from_dict(data: dict) -> RouteDefinition:
    return RouteDefinition(
        key=data["key"],
        name=data["name"],
        steps=tuple(
            Step(
                action=s["action"],
                label=s["label"],
                sources=tuple(s["sources"]),
                target=s["target"],
                roles=tuple(s["roles"]),
                notify=tuple(s.get("notify", ())),
                rejected_target=s.get("rejected_target"),
                optional=s.get("optional", False),
                guards=tuple(s.get("guards", ())),
            )
            for s in data["steps"]
        ),
    )


def route_to_dict(route: RouteDefinition) -> dict:
    return {
        "key": route.key,
        "name": route.name,
        "steps": [
            {
                "action": s.action,
                "label": s.label,
                "sources": list(s.sources),
                "target": s.target,
                "roles": list(s.roles),
                "notify": list(s.notify),
                "rejected_target": s.rejected_target,
                "optional": s.optional,
                "guards": list(s.guards),
            }
            for s in route.steps
        ],
    }


EDITOR, MR, OFFICER, STAFF = "school_editor", "mr_member", "board_officer", "partnership_staff"

# The school may take its SOP back from the MR, e.g. to fix something before the MR meets.
WITHDRAW = Step(
    "withdraw",
    "Terugnemen van de MR",
    ("bij_mr",),
    "concept",
    (EDITOR,),
    notify=(MR,),
    optional=True,
)


def _reopen(decided: str) -> Step:
    """After the MR's advice or consent the school may take its SOP back to work in the
    remarks, with a reason; the MR is told and decides again on the new version."""
    return Step(
        "reopen",
        "Terugzetten naar concept",
        (decided,),
        "concept",
        (EDITOR,),
        notify=(MR,),
        optional=True,
    )


_BOARD_AND_AFTER = (
    Step(
        "return_to_school",
        "Terugsturen naar de school",
        ("bij_bestuur",),
        "concept",
        (OFFICER,),
        notify=(EDITOR,),
    ),
    Step(
        "establish",
        "Vaststellen",
        ("bij_bestuur",),
        "vastgesteld",
        (OFFICER,),
        notify=(EDITOR,),
        guards=("not_own_work",),
    ),
    Step(
        "deliver",
        "Aanleveren bij het samenwerkingsverband",
        ("vastgesteld",),
        "aangeleverd",
        (OFFICER, SINGLE_SCHOOL_EDITOR),
        notify=(STAFF,),
    ),
    Step(
        "acknowledge",
        "Ontvangst bevestigen",
        ("aangeleverd",),
        "ontvangen",
        (STAFF,),
        notify=(EDITOR, OFFICER),
    ),
)

SOP_ROUTE = RouteDefinition(
    key="sop",
    name="SOP-route samenwerkingsverband",
    steps=(
        Step(
            "request_advice",
            "Advies vragen aan de MR",
            ("concept",),
            "bij_mr",
            (EDITOR,),
            notify=(MR,),
            guards=("complete_profile", "mr_present"),
        ),
        Step("give_advice", "Advies geven", ("bij_mr",), "advies_gegeven", (MR,), notify=(EDITOR,)),
        WITHDRAW,
        Step(
            "submit_to_board",
            "Naar het bestuur sturen",
            ("advies_gegeven",),
            "bij_bestuur",
            (EDITOR,),
            notify=(OFFICER,),
            guards=("decision_and_officer",),
        ),
        _reopen("advies_gegeven"),
        *_BOARD_AND_AFTER,
        Step(
            "publish",
            "Publiceren",
            ("ontvangen", "aangeleverd"),
            "gepubliceerd",
            (EDITOR,),
            notify=(OFFICER,),
        ),
        Step(
            "start_new_draft",
            "Nieuwe versie beginnen",
            ("gepubliceerd",),
            "concept",
            (EDITOR,),
            optional=True,
        ),
    ),
)

SCHOOLGIDS_ROUTE = RouteDefinition(
    key="schoolgids",
    name="Schoolgids (wet 36443)",
    steps=(
        Step(
            "record_pupil_views",
            "Inbreng van leerlingen vastleggen",
            ("concept",),
            "leerlingen_gehoord",
            (EDITOR,),
            guards=("complete_profile",),
        ),
        Step(
            "request_consent",
            "Instemming vragen aan de MR",
            ("leerlingen_gehoord",),
            "bij_mr",
            (EDITOR,),
            notify=(MR,),
            guards=("parent_section",),
        ),
        Step(
            "give_consent",
            "Instemming geven of weigeren",
            ("bij_mr",),
            "instemming_gegeven",
            (MR,),
            notify=(EDITOR,),
            rejected_target="concept",
            guards=("parent_section_only",),
        ),
        WITHDRAW,
        Step(
            "submit_to_board",
            "Naar het bestuur sturen",
            ("instemming_gegeven",),
            "bij_bestuur",
            (EDITOR,),
            notify=(OFFICER,),
            guards=("decision_and_officer",),
        ),
        _reopen("instemming_gegeven"),
        *_BOARD_AND_AFTER,
        Step(
            "publish",
            "Publiceren",
            ("vastgesteld", "aangeleverd", "ontvangen"),
            "gepubliceerd",
            (EDITOR,),
            notify=(OFFICER,),
        ),
        Step(
            "start_new_draft",
            "Nieuwe versie beginnen",
            ("gepubliceerd",),
            "concept",
            (EDITOR,),
            optional=True,
        ),
    ),
)
