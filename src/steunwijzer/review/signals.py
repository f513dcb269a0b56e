"""What review tells the apps above it, so it need not know them.

`comment_created(comment=…)`: sent by `comment_create` inside its transaction; a receiver
that raises undoes the comment (notifications are written this way).
"""

from django.dispatch import Signal

comment_created = Signal()
