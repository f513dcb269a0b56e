"""The states an SOP can be in. Pure Python, no Django.

The SOP owns its state; the route (`steunwijzer.route`) owns the steps that move it from one
state to the next, and who may take them.
"""

STATES = {
    "concept": "concept",
    "leerlingen_gehoord": "leerlingen gehoord",
    "bij_mr": "bij de MR",
    "advies_gegeven": "advies gegeven",
    "instemming_gegeven": "instemming gegeven",
    "bij_bestuur": "bij het bestuur",
    "vastgesteld": "vastgesteld",
    "aangeleverd": "aangeleverd",
    "ontvangen": "ontvangen",
    "gepubliceerd": "gepubliceerd",
}
EDITABLE_STATE = "concept"
# States in which the school still owes its SOP to the board: these count for lateness.
BEFORE_BOARD = ("concept", "leerlingen_gehoord", "bij_mr", "advies_gegeven", "instemming_gegeven")
