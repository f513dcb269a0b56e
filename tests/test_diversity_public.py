"""Public figures: no count below 5 is shown, nor can one be worked out from what is shown."""

from itertools import product

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from steunwijzer.instruments.diversity.presentation import index_text
from steunwijzer.instruments.diversity.public import LESS_THAN, NOT_SHOWN, public_figures
from steunwijzer.instruments.diversity.scheme import default_scheme
from steunwijzer.instruments.diversity.services import invulschema_save
from steunwijzer.instruments.diversity.summary import public_summary
from steunwijzer.organisations.models import School
from steunwijzer.publication.pdf import sop_pdf_html
from steunwijzer.publication.published import published_sop
from steunwijzer.publication.word import render_sop_docx
from tests.diversity_helpers import this_year
from tests.export_helpers import docx_text

SCHEME = default_scheme()
KEYS = SCHEME.category_keys
POINTS = {c.key: c.points for c in SCHEME.categories}


def possible_values(figures) -> dict[str, set[int]]:
    """Every value each hidden count can have, given only what the public sees."""
    rows = {r.key: r for r in figures.rows}
    hidden = [k for k in KEYS if rows[k].suppressed]
    if not figures.pupils.isdigit():
        return {k: set(range(0, 5)) | {99} for k in hidden}  # nothing to subtract from
    total = int(figures.pupils)
    shown = {k: int(rows[k].count) for k in KEYS if not rows[k].suppressed}
    residual = total - sum(shown.values())
    ranges = [range(0, 5) if rows[k].count == LESS_THAN else range(5, residual + 1) for k in hidden]
    values = {k: set() for k in hidden}
    for combo in product(*ranges):
        if sum(combo) != residual:
            continue
        if figures.index is not None:
            places = len(figures.index.split(",")[1])
            counts = shown | dict(zip(hidden, combo, strict=True))
            index = sum(POINTS[k] * v for k, v in counts.items()) / total
            if index_text(index, places) != figures.index:
                continue
        for k, v in zip(hidden, combo, strict=True):
            values[k].add(v)
    return values


@settings(max_examples=300)
@given(st.fixed_dictionaries({k: st.integers(0, 30) for k in KEYS}))
def test_no_count_below_5_leaks_not_even_by_subtraction(totals):
    figures = public_figures(SCHEME, totals)
    for row in figures.rows:
        if not row.suppressed:
            assert int(row.count) >= 5
        else:
            assert row.count in (LESS_THAN, NOT_SHOWN) and row.share == ""
        if totals[row.key] < 5:
            assert row.suppressed
    if figures.pupils.isdigit():
        assert int(figures.pupils) == sum(totals.values()) >= 5
    for key, values in possible_values(figures).items():
        assert len(values) > 1, f"{key} can be worked out: {values}"
        assert totals[key] in values | {99} or not figures.pupils.isdigit()


def test_it_shows_everything_when_no_count_is_small():
    figures = public_figures(SCHEME, {"geen": 200, "basis": 60, "extra": 20, "tlv": 10})
    assert figures.pupils == "290" and figures.index == "1,28"
    assert [r.count for r in figures.rows] == ["200", "60", "20", "10"]
    assert [r.share for r in figures.rows] == ["69%", "21%", "7%", "3%"]


def test_it_hides_a_second_count_so_the_small_one_cannot_be_subtracted():
    figures = public_figures(SCHEME, {"geen": 200, "basis": 60, "extra": 20, "tlv": 3})
    assert [r.count for r in figures.rows] == ["200", "60", NOT_SHOWN, LESS_THAN]
    assert figures.pupils == "283"


@pytest.mark.django_db
def test_public_summary_reads_the_schools_invulschema(school, editor):
    assert public_summary(school, this_year()) is None
    school.pupil_count = 0
    invulschema_save(
        school=school,
        school_year=this_year(),
        counts={"6": {"geen": 20, "basis": 6, "tlv": 2}},
        user=editor,
    )
    figures = public_summary(school, this_year())
    assert figures.pupils == "28"
    assert [r.count for r in figures.rows] == ["20", "6", LESS_THAN, LESS_THAN]


@pytest.mark.django_db
def test_the_public_include_shows_school_figures_only(school, editor):
    from django.template.loader import render_to_string

    school.pupil_count = 0
    invulschema_save(
        school=school,
        school_year=this_year(),
        counts={"6": {"geen": 20, "basis": 6, "tlv": 2}, "7": {"geen": 10}},
        user=editor,
    )
    html = render_to_string(
        "diversity/_public_summary.html", {"school": school, "school_year": this_year()}
    )
    assert "Aantal leerlingen: 38" in html and "minder dan 5" in html
    assert "groep 6" not in html.lower()
    assert (
        render_to_string(
            "diversity/_public_summary.html", {"school": school, "school_year": "2000-2001"}
        ).strip()
        == ""
    )


@pytest.mark.django_db
def test_the_public_page_and_the_pdf_show_the_school_figures_only(client, published, editor):
    profile = published
    profile.school.pupil_count = 0
    invulschema_save(
        school=profile.school,
        school_year=profile.school_year,
        counts={"6": {"geen": 20, "basis": 6, "tlv": 2}},
        user=editor,
    )
    page = client.get(reverse("public_school", kwargs={"brin": profile.school.brin}))
    html = page.content.decode()
    assert "Leerlingen en hun ondersteuningsbehoefte" in html
    assert "minder dan 5" in html
    chart = published_sop(profile).charts["extra_ondersteuning"][0]
    assert None in chart.series[0].values  # the suppressed count draws no bar
    assert "minder dan 5" in chart.description


@pytest.mark.django_db
def test_the_finder_the_page_and_the_downloads_give_one_number_of_pupils(client, published, editor):
    """The SOP's year counted 38 pupils in its Invulschema; the school's own count has moved
    on since (240). Every place a parent reads the number for this SOP says the year's 38, as
    the page's figures beside the chapters do."""
    profile = published
    profile.school.pupil_count = 0
    invulschema_save(
        school=profile.school,
        school_year=profile.school_year,
        counts={"6": {"geen": 20, "basis": 6, "tlv": 2}, "7": {"geen": 10}},
        user=editor,
    )
    School.objects.filter(pk=profile.school.pk).update(pupil_count=240)
    profile.school.refresh_from_db()
    page = client.get(reverse("public_school", kwargs={"brin": profile.school.brin}))
    assert "<dd>38</dd>" in page.content.decode()
    finder = client.get(reverse("public_finder")).content.decode()
    assert "38 leerlingen" in finder and "240 leerlingen" not in finder
    sop = published_sop(profile)
    assert sop.pupils == "38"
    assert '<th scope="row">Leerlingen</th><td>38</td>' in sop_pdf_html(sop)
    assert "Leerlingen\n38" in docx_text(render_sop_docx(sop)).replace("\t", "\n")


def test_the_finder_suppresses_a_small_number_of_pupils_as_the_page_does(client, published, editor):
    """The finder is as public as the school's page: a count the page hides (fewer than 5) is
    not given away in the list of results."""
    published.school.pupil_count = 0  # as in the test above: the count is the Invulschema's
    invulschema_save(
        school=published.school,
        school_year=published.school_year,
        counts={"6": {"geen": 3}},
        user=editor,
    )
    page = client.get(reverse("public_school", kwargs={"brin": published.school.brin}))
    assert "<dd>minder dan 5</dd>" in page.content.decode()
    finder = client.get(reverse("public_finder")).content.decode()
    assert "leerlingen: minder dan 5" in finder
    assert "3 leerlingen" not in finder
