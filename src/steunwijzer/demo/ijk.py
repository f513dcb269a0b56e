"""Demo data for the IJK: a self-evaluation for every demo school (some with last year's for
the comparison), invited peers and Kijkwijzer observations that make the realism check speak.

Called once from demo/build.py after the rest of the demo is built. Scores go through the same
services the pages use, so the demo obeys every rule (explanations at the extremes).
"""

import zlib
from datetime import date, timedelta

from steunwijzer.core.school_year import previous_school_year
from steunwijzer.instruments.ijk.models import Observation, PeerObserver
from steunwijzer.instruments.ijk.rules import ScoreInput
from steunwijzer.instruments.ijk.services import catalogue_for, observation_record, scores_save

# School key → (level this year, level last year or None): the team's general judgement.
LEVELS = {
    "regenboog": (3, 2),
    "zeester": (3, 3),
    "klaverblad": (2, None),
    "duinroos": (3, 3),
    "lantaarn": (3, None),
    "boomgaard": (4, 3),
    "lindeboom": (3, 2),
    "wegwijzer": (2, None),
    "wissel": (3, 3),
    "palet": (2, 2),
    "zeepaard": (3, None),
}

# OBS De Regenboog scores these itself; the observations then question some of them.
FLAGSHIP_SCORES = {"OP3": 4, "SK2": 4, "IJK03": 4, "IJK12": 4, "OP2": 3, "IJK02": 3, "OR1": 2}

# Standard → (why the team scores it lowest, why highest): explanations at the extremes.
EXPLANATIONS = {
    "OP0": (
        "Technisch lezen blijft achter in groep 4 tot 6; het leesplan is nog niet klaar.",
        "Alle groepen werken met vaste doelen voor lezen en rekenen; de toetsen laten groei zien.",
    ),
    "OP1": (
        "Het aanbod voor wereldoriëntatie is verouderd en dekt de kerndoelen niet.",
        "Het aanbod is in twee jaar vernieuwd en sluit aan op de kerndoelen.",
    ),
    "OP2": (
        "Groepsoverzichten zijn niet in alle groepen actueel.",
        "Elke groep heeft een actueel groepsoverzicht dat we drie keer per jaar bespreken.",
    ),
    "OP3": (
        "De instructie is in veel lessen klassikaal; afstemming op niveau ontbreekt vaak.",
        "Bij lesbezoeken zagen we in alle groepen het directe-instructiemodel en afstemming.",
    ),
    "OP4": (
        "Voor leerlingen met een OPP ontbreken vaak evalueerbare doelen.",
        "Elk OPP heeft doelen die we twee keer per jaar met ouders evalueren.",
    ),
    "OP6": (
        "De samenwerking met jeugdhulp loopt stroef; afspraken ontbreken.",
        "Vaste afspraken met CJG, schoolmaatschappelijk werk en de voorschool.",
    ),
    "SK1": (
        "De veiligheidsmonitor laat een daling zien in de bovenbouw.",
        "De monitor laat al drie jaar hoge scores zien; het pestprotocol werkt.",
    ),
    "SK2": (
        "Er zijn geen schoolbrede afspraken over gedrag.",
        "Schoolbrede gedragsafspraken, zichtbaar in elke klas; weinig incidenten.",
    ),
    "OR1": (
        "De eindresultaten lagen twee jaar onder de signaleringswaarde.",
        "De resultaten liggen ruim boven wat je bij onze leerlingen mag verwachten.",
    ),
    "OR2": (
        "We hebben nog geen doelen voor sociale en maatschappelijke competenties.",
        "Doelen voor burgerschap zijn vastgelegd en worden gehaald.",
    ),
    "OR3": (
        "We weten niet hoe oud-leerlingen het doen in het voortgezet onderwijs.",
        "Gegevens van het voortgezet onderwijs: bijna alle oud-leerlingen zitten op hun niveau.",
    ),
    "KA1": (
        "Er is geen cyclus van evalueren en verbeteren.",
        "Jaarlijkse kwaliteitscyclus met zelfevaluatie, audit en verbeterplan.",
    ),
    "KA2": (
        "Weinig collegiaal leren; lesbezoeken vinden niet plaats.",
        "Leerteams en collegiale lesbezoeken zijn vast onderdeel van het jaar.",
    ),
    "KA3": (
        "Ouders horen weinig over wat de school bereikt.",
        "Jaarlijks een openbare resultatenavond en een jaarverslag voor ouders.",
    ),
    "BO1": (
        "De basis in de klas staat nog niet in alle groepen.",
        "Veiligheid, zicht op ontwikkeling en effectieve methoden zijn op orde.",
    ),
    "BO2": (
        "Interventies bij lezen en gedrag hangen af van de leerkracht.",
        "Dyslexieprotocol, pre-teaching en een gedragsaanpak werken in alle groepen.",
    ),
    "BO3": (
        "De IB'er heeft te weinig tijd; het ondersteuningsteam komt zelden bijeen.",
        "Een IB'er per bouw, een vast ondersteuningsteam en korte lijnen met partners.",
    ),
    "BO4": (
        "Handelingsgericht werken is nog geen gewoonte in het team.",
        "Het team werkt in cycli van plannen, uitvoeren en evalueren; het SOP is actueel.",
    ),
}

# (school key, observer username or None for the invited peer, days ago, group, notes, scores)
OBSERVATIONS = [
    (
        "regenboog",
        "kwaliteit",
        21,
        "groep 5",
        {
            "uitleg": "Heldere uitleg bij rekenen met voordoen; weinig controle of iedereen het "
            "begreep.",
            "afstemming": "Alle leerlingen kregen dezelfde opdracht; geen verlengde instructie.",
            "sfeer": "Rustige, vriendelijke sfeer; leerlingen helpen elkaar.",
            "afspraken": "Gedragsafspraken hangen zichtbaar in de klas en worden gebruikt.",
        },
        {"OP3": 2, "IJK04": 3, "SK2": 4, "SK1": 3, "IJK01": 3},
    ),
    (
        "regenboog",
        None,
        9,
        "groep 7",
        {
            "groepsoverzicht": "Het groepsoverzicht is van vorig schooljaar.",
            "ib_in_de_klas": "De leerkracht weet de IB'er te vinden; vaste momenten zijn er niet.",
            "kindgesprek": "Geen kindgesprekken gezien tijdens het bezoek.",
        },
        {"OP2": 1, "IJK02": 2, "IJK09": 3, "IJK12": 2, "IJK08": 2},
    ),
    (
        "zeester",
        "kwaliteit",
        30,
        "groep 3",
        {
            "basisvaardigheden": "Een uur leesonderwijs met duidelijke doelen op het bord.",
            "uitleg": "Goede instructie in drie niveaus.",
        },
        {"OP0": 3, "OP1": 3, "OP3": 3, "IJK04": 3},
    ),
    (
        "lindeboom",
        "kwaliteit2",
        14,
        "groep 6",
        {
            "sfeer": "Onrustige start na de pauze; de leerkracht herstelt het snel.",
            "opp": "Voor twee leerlingen met een eigen leerlijn lagen de doelen klaar.",
        },
        {"SK2": 2, "IJK01": 3, "OP4": 4, "IJK06": 3},
    ),
    (
        "wissel",
        "kwaliteit2",
        40,
        "groep 5/6",
        {
            "afstemming": "Kleine groep; iedere leerling werkt aan eigen doelen.",
            "leren_van_elkaar": "Na de les een nabespreking met een collega.",
        },
        {"OP3": 4, "OP4": 4, "IJK03": 4, "KA2": 3},
    ),
]
PEER_SCHOOL, PEER_USERNAME = "regenboog", "directeur2"


def _score(school_key: str, code: str, level: int, year: str) -> int:
    """A plausible score around the school's level, the same in every demo build."""
    spread = zlib.crc32(f"{school_key}:{code}:{year}".encode()) % 7
    offset = -1 if spread < 2 else (1 if spread > 4 else 0)
    return max(1, min(4, level + offset))


def _scores_for(school_key, catalogue, level, year, flagship=False) -> dict[str, ScoreInput]:
    scores = {}
    for code, indicator in catalogue.indicators.items():
        score = _score(school_key, code, level, year)
        if flagship:
            score = FLAGSHIP_SCORES.get(code, score)
        low, high = EXPLANATIONS[indicator.standard]
        explanation = (
            low if score == catalogue.min_score else high if score == catalogue.max_score else ""
        )
        scores[code] = ScoreInput(score, explanation)
    return scores


def build_ijk_demo(*, schools, people, directors, school_year, today, flagship="regenboog") -> str:
    """Scores, a peer invitation and observations; returns a line for the demo's output."""
    catalogue = catalogue_for(next(iter(schools.values())).board.partnership).catalogue
    last_year = previous_school_year(school_year)
    compared = 0
    for key, (level, previous) in LEVELS.items():
        school, director = schools[key], directors[key]
        if previous is not None:
            compared += 1
            scores_save(
                school=school,
                school_year=last_year,
                user=director,
                scores=_scores_for(key, catalogue, previous, last_year),
            )
        scores_save(
            school=school,
            school_year=school_year,
            user=director,
            scores=_scores_for(key, catalogue, level, school_year, flagship=key == flagship),
        )
    PeerObserver.objects.create(
        school=schools[PEER_SCHOOL],
        school_year=school_year,
        user=people[PEER_USERNAME],
        assigned_by=directors[PEER_SCHOOL],
    )
    for key, observer, days_ago, group, notes, scores in OBSERVATIONS:
        observation_record(
            school=schools[key],
            school_year=school_year,
            user=people[observer or PEER_USERNAME],
            observed_on=max(today - timedelta(days=days_ago), date(int(school_year[:4]), 8, 1)),
            group_name=group,
            notes=notes,
            scores=scores,
        )
    return (
        f"IJK voor {len(LEVELS)} scholen ({compared} ook vorig jaar); "
        f"{Observation.objects.filter(school_year=school_year).count()} Kijkwijzer-observaties."
    )
