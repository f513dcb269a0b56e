"""What the SOP tells the apps above it, so it need not know them.

`profile_started(profile=…)`: a new profile was created, inside the transaction that created
it (the route gives it its route).
"""

from django.dispatch import Signal

profile_started = Signal()
