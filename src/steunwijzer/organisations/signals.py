"""What organisations tell the apps above them, so they need not be known here.

`partnership_settings_saved(partnership=…)`: the settings page was saved, inside the
transaction that saved it (the route installs the schoolgids route the partnership chose).
"""

from django.dispatch import Signal

partnership_settings_saved = Signal()
