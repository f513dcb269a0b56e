"""What the route tells the apps above it when an SOP moves, so it need not know them.

`step_taken(profile=…, transition=…)`: sent inside the step's transaction, after the profile
has its new state. A receiver that raises undoes the step: the finder index (publication) is
written this way, so a published SOP is never missing from the finder.

`reminder_sent(reminder=…)`: a deadline reminder (`ReminderSent`) went to one person, sent by
`reminders.send_once` inside the transaction that records it.
"""

from django.dispatch import Signal

step_taken = Signal()
reminder_sent = Signal()
