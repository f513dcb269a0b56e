"""The example pupil export offered as "voorbeeldbestand" on the import page.

It is the export of the demo's flagship school, OBS De Regenboog (312 pupils): semicolon CSV
in UTF-8, one row per pupil with group, category and domain, the way pupil administrations
export it. The demo reads the same file for that school's Invulschema.
"""

from pathlib import Path

SAMPLE_PATH = Path(__file__).resolve().parent / "samples" / "leerlingexport-regenboog.csv"
