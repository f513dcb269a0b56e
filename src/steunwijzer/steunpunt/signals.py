"""What the steunpunt tells the apps above it, so it need not know them.

`message_received(message=…)`: a parent's question or report was stored, sent inside the
transaction that stores it (the notifications app tells the partnership's staff).
"""

from django.dispatch import Signal

message_received = Signal()
