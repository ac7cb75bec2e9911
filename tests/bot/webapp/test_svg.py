"""Server-side SVG charts (bot.webapp.svg): well-formed XML, one ``.pt`` element per known value carrying
its data, gaps for None, escaped labels, theme colours left to CSS."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bot.webapp.svg import HEIGHT, Point, bar_chart, line_chart, stacked_bar_chart

NS = "{http://www.w3.org/2000/svg}"


def points(svg: str) -> list[ET.Element]:
    return [el for el in ET.fromstring(svg).iter() if "pt" in el.get("class", "").split()]


def test_line_chart_points_carry_their_data_and_none_is_a_gap() -> None:
    data = [
        Point("2025-03-03", 0.5, "3/3"),
        Point("2025-03-06", None),
        Point("2025-03-10", 1.0),
        Point("d", 2 / 3),
    ]
    svg = line_chart(data, name="condition:knees", label="무릎 <방향>", percent=True)
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg" and root.get("data-chart") == "condition:knees"
    assert root.get("aria-label") == "무릎 <방향>"
    pts = points(svg)
    assert [(p.tag, p.get("data-x"), p.get("data-y")) for p in pts] == [
        (f"{NS}circle", "2025-03-03", "0.5"),
        (f"{NS}circle", "2025-03-10", "1"),
        (f"{NS}circle", "d", "0.666667"),
    ]
    lines = root.findall(f"{NS}polyline")
    assert len(lines) == 1 and len(lines[0].get("points", "").split()) == 2  # the gap breaks the line
    ys = [float(p.get("cy", "nan")) for p in pts]
    assert ys[1] < ys[2] < ys[0]  # higher values are drawn higher
    labels = [t.text for t in root.iter(f"{NS}text")]
    assert "100%" in labels and "0%" in labels and "3/3" in labels
    assert pts[0].find(f"{NS}title").text == "3/3: 50%"


def test_bar_chart_has_one_bar_per_value_from_the_baseline() -> None:
    data = [Point(f"2025-03-{10 + i}", v, str(i)) for i, v in enumerate([1, 0, 2, 0, 1, 0, 0])]
    pts = points(bar_chart(data, name="days"))
    assert len(pts) == 7 and [p.get("data-y") for p in pts] == ["1", "0", "2", "0", "1", "0", "0"]
    bottoms = {round(float(p.get("y", "0")) + float(p.get("height", "0")), 1) for p in pts}
    assert len(bottoms) == 1 and bottoms.pop() <= HEIGHT
    heights = [float(p.get("height", "0")) for p in pts]
    assert heights[2] == max(heights) and heights[2] == 2 * heights[0] and heights[1] == 0


def test_stacked_bars_name_their_series() -> None:
    slots = [Point("1", None), Point("2", None)]
    svg = stacked_bar_chart(
        slots, [("down", [1.5, 1.0]), ("pause", [0.5, None]), ("up", [1.0, 1.2])], name="tempo"
    )
    pts = points(svg)
    assert [(p.get("data-series"), p.get("data-x"), p.get("data-y")) for p in pts] == [
        ("down", "1", "1.5"),
        ("pause", "1", "0.5"),
        ("up", "1", "1"),
        ("down", "2", "1"),
        ("up", "2", "1.2"),
    ]
    first = pts[:3]  # stacked: each segment starts where the one below ends
    for lower, upper in zip(first, first[1:], strict=False):
        assert (
            abs(float(upper.get("y", "0")) + float(upper.get("height", "0")) - float(lower.get("y", "0")))
            < 0.2
        )


def test_empty_and_all_none_charts_are_valid_and_have_no_points() -> None:
    for svg in (line_chart([]), bar_chart([]), line_chart([Point("a", None)]), bar_chart([Point("a", None)])):
        ET.fromstring(svg)
        assert points(svg) == []


def test_labels_and_keys_are_escaped() -> None:
    svg = bar_chart([Point('x"><script>', 1, "<b>&")], name='n"', label="a&b")
    root = ET.fromstring(svg)  # parses: nothing broke out of its attribute or text
    assert "<script>" not in svg and "<b>" not in svg
    assert points(svg)[0].get("data-x") == 'x"><script>'
    assert root.get("data-chart") == 'n"'


def test_colours_are_left_to_the_theme() -> None:
    svg = line_chart([Point("a", 1), Point("b", 2)], y_labels=("Bad", "Good", "Perfect"))
    assert "#" not in svg.replace("#x", "")  # no hard-coded colour: CSS (--tg-theme-*) colours it
    assert 'fill="currentColor"' in svg and "style=" not in svg  # no inline style: CSP style-src 'self'
    assert [t.text for t in ET.fromstring(svg).iter(f"{NS}text")][:3] == ["Bad", "Good", "Perfect"]


def test_the_axis_top_is_round_and_counts_keep_whole_labels() -> None:
    def labels(svg: str) -> list[str | None]:
        return [t.text for t in ET.fromstring(svg).iter(f"{NS}text") if t.get("class") == "ylabel"]

    assert labels(bar_chart([Point("a", 3), Point("b", 1)])) == ["0", "2", "4"]
    assert labels(bar_chart([Point("a", 47)])) == ["0", "25", "50"]
    assert labels(bar_chart([Point("a", 9.5)])) == ["0", "5", "10"]
    assert labels(bar_chart([Point("a", 0)])) == ["0", "1", "2"]
    assert labels(line_chart([Point("a", 0.4)], percent=True)) == ["0%", "50%", "100%"]
