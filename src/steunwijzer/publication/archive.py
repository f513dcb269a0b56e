"""All published SOPs of a partnership's school year as one zip: the PDFs plus a CSV index.

The zip is streamed: each PDF comes from the export cache (made first if needed) and is
copied into the zip in chunks, and what the zip writer produced so far is handed to the
response right away, so neither the PDFs nor the zip are ever held in memory as a whole.
"""

import io
import zipfile
from collections.abc import Iterable, Iterator

from steunwijzer.core.spreadsheets import csv_bytes
from steunwijzer.organisations.models import Partnership

from .export_cache import cached_export
from .exports import EXPORTS, export_filename
from .published import published_sop

INDEX_NAME = "overzicht.csv"
INDEX_HEADER = ["school", "brin", "vestiging", "schooljaar", "vastgesteld_op", "versie", "bestand"]
CHUNK = 64 * 1024


class _Pipe(io.RawIOBase):
    """A write-only, unseekable stream whose contents are taken out after every write."""

    def __init__(self):
        self.chunks: list[bytes] = []

    def writable(self):
        return True

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


def zip_filename(partnership: Partnership, school_year: str) -> str:
    return f"SOP-{partnership.slug}-{school_year}.zip"


def publications_zip(profiles: Iterable, content_version: str) -> Iterator[bytes]:
    """The zip of these published profiles of one partnership, whose content version
    (read before them) names the cached PDFs."""
    pipe = _Pipe()
    index = [INDEX_HEADER]
    export = EXPORTS["sop.pdf"]
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for profile in profiles:
            sop = published_sop(profile, content_version=content_version)
            name = export_filename(sop, "sop.pdf")
            with archive.open(name, "w") as target:
                own = export.own_file(sop)
                if own is not None:
                    target.write(own)
                else:
                    with cached_export(
                        sop.revision.pk, sop.cache_key(), "sop.pdf", lambda s=sop: export.render(s)
                    ) as source:
                        while chunk := source.read(CHUNK):
                            target.write(chunk)
                            yield pipe.take()
            yield pipe.take()
            school = sop.school
            index.append(
                [
                    school.name,
                    school.brin,
                    school.vestiging,
                    sop.school_year,
                    sop.established_on,
                    sop.revision.number,
                    name,
                ]
            )
        archive.writestr(INDEX_NAME, csv_bytes(index))
    yield pipe.take()
