"""`sgshards report`: the text summary, the self-contained HTML page (escaped, no network), the
scene-graph drawing, and the page rendered by a real headless browser when Debian's chromium is
installed."""
import re
import shutil
import subprocess

import pytest

from sgshards.pipeline.commands import cli
from sgshards.pipeline.commands.report import summarize
from sgshards.pipeline.commands.report_html import graph_svg, highlighted

CAPTIONS = ["a red car parked next to a blue house", "a brown dog sitting on a wooden bench",
            "a <script>alert(1)</script> cat sleeping on a white sofa", "", "two children playing with a ball",
            "a woman holding a yellow umbrella"]


@pytest.fixture(scope="module")
def run_output(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    (root / "c.txt").write_text("".join(c + "\n" for c in CAPTIONS))
    assert cli.main(["run", "--input", str(root / "c.txt"), "--output", str(root / "out"),
                     "--samples-per-shard", "3", "--quiet"]) == 0
    return root


def test_text_summary_and_html_page(run_output, capsys):
    page = run_output / "report.html"
    assert cli.main(["report", str(run_output / "out"), "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert "2 shard(s); input 6 = written 5 + rejected 1" in out
    assert "rejected: blank_row (read) 1" in out and "top objects" in out
    text = page.read_text()
    assert text.count("<svg") >= 10 and "class='card'" in text
    assert "<script" not in text                                                          # no script at all
    assert not re.search(r"""(src|href)\s*=\s*['"]?(https?:)?//""", text)                # no fetch
    assert "blank_row" in text                                                           # dead letters


def test_counts_come_from_the_indexes_and_the_sample_is_spread(run_output):
    summary = summarize(str(run_output / "out"), sample=2)
    assert sum(summary.per_record["negatives"].values()) == 5          # every written record, from the indexes
    assert summary.stages == {"read": 1}
    assert len(summary.sample) == 2 and len({r["key"] for r in summary.sample}) == 2
    assert [r["key"] for r in summary.sample] == ["000000000", "000000004"]     # one per shard (3 was rejected)


def test_scene_graph_drawing_has_a_box_per_object_and_a_labelled_arrow_per_relation():
    graph = {"objects": [{"name": "car", "attributes": ["red"]}, {"name": "house", "attributes": ["blue"]},
                         {"name": "tree", "attributes": []}],
             "relations": [{"subject": 0, "predicate": "park next to", "object": 1},
                           {"subject": 2, "predicate": "behind", "object": 1}]}
    svg = graph_svg(graph)
    assert svg.count("<rect") == 3 and svg.count("<line") == 2 and svg.count("marker-end") == 2
    assert "red car" in svg and "park next to" in svg and "behind" in svg


def test_every_text_of_a_record_is_escaped():
    from sgshards.pipeline.commands.report_html import record_card

    hostile = "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
    record = {"key": "k<1>", "caption": hostile, "skipped": None,
              "scene_graph": {"objects": [{"name": "<b>cat</b>", "attributes": ["<i>"]}], "relations": []},
              "positives": [{"text": hostile, "kind": "caption"}, {"text": "<u>cat</u>", "kind": "object"}],
              "negatives": [{"text": "<u>dog</u>", "type": "object_replace", "positive": 1}]}
    card = record_card(record)
    assert "<script" not in card and "<img" not in card and "<b>cat" not in card and "<u>" not in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in card


def test_changed_words_are_highlighted():
    assert highlighted("a blue car next to a red house", "a red car next to a blue house") == \
        "a <mark>blue</mark> car next to a <mark>red</mark> house"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")
def test_the_page_renders_in_a_headless_browser(run_output, tmp_path):
    from PIL import Image, ImageStat

    page = run_output / "browser.html"
    assert cli.main(["report", str(run_output / "out"), "--html", str(page)]) == 0
    shot = tmp_path / "shot.png"
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
                           "--v=0", "--window-size=1200,1600", f"--screenshot={shot}", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert shot.exists(), done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    image = Image.open(shot).convert("L")
    assert image.size == (1200, 1600) and ImageStat.Stat(image).stddev[0] > 10      # not blank
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile2'}", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert "sgshards report" in dom and dom.count("<svg") >= 10
