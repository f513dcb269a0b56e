"""The words parents meet in a school support profile, explained in plain language.

One list for the glossary page (/scholen/begrippen/) and for the first use of a word on a
school's page, so a word is explained the same way everywhere. The term is the Dutch word the
SOP uses (it stays Dutch on an English page, like the SOP itself); the explanation is
translated.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    key: str  # the anchor on the glossary page: /scholen/begrippen/#<key>
    term: str
    explanation: Promise


TERMS = [
    Term(
        "sop",
        "Schoolondersteuningsprofiel (SOP)",
        _(
            "A document in which a school describes what support it gives pupils. Every "
            "school writes one and publishes it, so parents can read it before they choose."
        ),
    ),
    Term(
        "basisondersteuning",
        "Basisondersteuning",
        _(
            "The help every school in the region gives every child who needs it, without a "
            "request or a decision. For example extra instruction in a small group, or a plan "
            "for a child who reads slowly."
        ),
    ),
    Term(
        "extra-ondersteuning",
        "Extra ondersteuning",
        _(
            "Help that goes beyond the basic support, for a child who needs more. The school "
            "arranges it with the parents, often with help from outside the school. Each "
            "school says in its profile what extra support it can give."
        ),
    ),
    Term(
        "arrangement",
        "Arrangement",
        _(
            "A set of extra support for one child: what help, from whom, for how long. The "
            "school and the parents agree on it, and sometimes the partnership pays for it."
        ),
    ),
    Term(
        "tlv",
        "Toelaatbaarheidsverklaring (TLV)",
        _(
            "A decision of the partnership that a child may go to a special school (SBO or "
            "SO). A child needs this decision before such a school may enrol them."
        ),
    ),
    Term(
        "sbo",
        "Speciaal basisonderwijs (SBO)",
        _(
            "A primary school for children who need more support than an ordinary primary "
            "school can give, with smaller groups and more specialised staff."
        ),
    ),
    Term(
        "so",
        "Speciaal onderwijs (SO)",
        _(
            "A school for children with a disability, a chronic illness or serious "
            "behavioural problems, who need a lot of specialised help."
        ),
    ),
    Term(
        "samenwerkingsverband",
        "Samenwerkingsverband",
        _(
            "The schools of a region working together so that every child gets a suitable "
            "place. It decides on TLVs and on money for extra support."
        ),
    ),
    Term(
        "steunpunt",
        "Ouder- en jeugdsteunpunt",
        _(
            "A place of the partnership where parents and young people can ask questions about "
            "support at school, independent of the school."
        ),
    ),
    Term(
        "brin",
        "BRIN",
        _(
            "The code the government gives every school (four characters, such as 12AB). With "
            "the number of the location it becomes six characters, such as 12AB00."
        ),
    ),
]

BY_KEY = {term.key: term for term in TERMS}
