"""/statistik/'s charts show each label in full above its bars, wrapped onto
more lines when long, never cut ("rbetsintegrerande socialt företa…")."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.charts import LINE_CHARS, WIDTH, Series, bar_chart, label_lines

pytestmark = pytest.mark.django_db

LONG = "Personer som efter långtidssjukskrivning på nytt ska in på arbetsmarknaden"


def svg_texts(svg: str) -> list[tuple[float, str]]:
    return [(float(x), text) for x, text in re.findall(r'<text x="([\d.]+)"[^>]*>([^<]*)</text>', svg)]


def test_long_label_wraps_at_spaces_and_keeps_every_word():
    lines = label_lines(LONG)
    assert len(lines) == 2
    assert " ".join(lines) == LONG
    assert all(len(line) <= LINE_CHARS for line in lines)


def test_a_word_longer_than_a_line_stays_whole():
    word = "Arbetsmarknadsutbildningsverksamhetsplaneringsgruppen"
    assert label_lines(f"Om {word} i kommunen") == ["Om", word, "i kommunen"]


def test_chart_draws_full_labels_above_the_bars():
    series = Series("target", "Målgrupper", "Målgrupp", ("Företag",),
                    [("a", LONG, 3), ("b", "Nyanlända flyktingar", 1)])
    svg = str(bar_chart(series))
    texts = [text for _x, text in svg_texts(svg)]
    assert "…" not in svg
    assert texts == [*label_lines(LONG), "3", "Nyanlända flyktingar", "1"]
    label_y = float(re.search(r'<text x="0" y="([\d.]+)"', svg).group(1))
    first_bar_y = float(re.search(r'<rect x="0" y="([\d.]+)"', svg).group(1))
    assert label_y < first_bar_y  # the label stands above its bar
    widths = [float(w) for w in re.findall(r'<rect x="0" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(3 * widths[1], abs=0.2) and max(widths) < WIDTH


def test_public_statistics_page_cuts_no_label(client):
    cache.clear()
    html = client.get(reverse("statistics:public")).content.decode()
    charts = re.findall(r"<svg.*?</svg>", html, re.DOTALL)
    assert charts
    rows = re.findall(r'<th scope="row">([^<]+)</th>', html)
    drawn = " ".join(text for svg in charts for _x, text in svg_texts(svg))
    for label in rows:
        assert " ".join(label_lines(label)) == label
        for line in label_lines(label):
            assert line in drawn
    assert "…" not in "".join(charts)
