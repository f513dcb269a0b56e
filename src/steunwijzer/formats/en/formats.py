# The public pages' English readers are families in the Netherlands: "6 December 2026", the
# British order, rather than Django's American "Dec. 6, 2026".
DATE_FORMAT = "j F Y"
