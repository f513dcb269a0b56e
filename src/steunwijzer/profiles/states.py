"""The states an SOP can be in. Pure Python, no Django.

The SOP owns its state; the route (`steunwijzer.route`) owns the steps that move it from one
state to the next, and who may take them.
"""

# The states in the order of the route; their words are `profiles.models.STATE_LABELS`.
STATES = (
    "concept",
    "leerlingen_gehoord",
    "bij_mr",
    "advies_gegeven",
    "instemming_gegeven",
    "bij_bestuur",
    "vastgesteld",
    "aangeleverd",
    "ontvangen",
    "gepubliceerd",
)
EDITABLE_STATE = "concept"
# States in which the school still owes its SOP to the board: these count for lateness.
BEFORE_BOARD = ("concept", "leerlingen_gehoord", "bij_mr", "advies_gegeven", "instemming_gegeven")
