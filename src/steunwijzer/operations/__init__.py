"""Running an installation: back-up and restore of the whole database, and the AVG's inzage and
verwijdering for a school or a person. On top of the apps, which it reads through Django's
app registry; nothing imports it."""
