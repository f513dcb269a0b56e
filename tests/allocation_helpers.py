"""An allocation recomputed apart from the app, to check what its spreadsheets hold."""

from decimal import ROUND_FLOOR


def recompute(total, quantum, base, weights):
    """An independent largest-remainder division, from the sheet's inputs alone."""
    variable = total - base * len(weights)
    whole = sum(weights)
    exact = [base + variable * w / whole for w in weights]
    floors = [(e / quantum).to_integral_value(rounding=ROUND_FLOOR) * quantum for e in exact]
    left = int((total - sum(floors)) / quantum)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), -weights[i], i))
    for i in order[:left]:
        floors[i] += quantum
    return floors
