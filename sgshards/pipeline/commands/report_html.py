"""The HTML page of ``sgshards report``: one self-contained file, charts and scene graphs as
inline SVG (no script, no network fetch), every text escaped.

Scene graphs are drawn from a networkx layout: objects as boxes holding their name and
attributes, relations as labelled arrows.  A negative's words that differ from the positive it
perturbs are highlighted.
"""
from __future__ import annotations

import difflib
import html
import math

import networkx as nx

from .report import Summary, stage_of

CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1180px;color:#1d2430}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #dde2ea;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 10px;border-bottom:1px solid #eef1f5;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.grid{display:flex;flex-wrap:wrap;gap:18px}
.card{border:1px solid #dde2ea;border-radius:6px;padding:12px 14px;margin:14px 0}
.caption{font-size:15px;font-weight:600}mark{background:#ffd8a8;padding:0 2px;border-radius:2px}
.kind{color:#5b6575;font-size:12px;margin-right:6px}ul{margin:4px 0 4px 18px;padding:0}
.muted{color:#5b6575}code{background:#f3f5f8;padding:1px 4px;border-radius:3px}
"""
BAR = "#4c78a8"


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def bar_chart(title: str, items: list, width: int = 360, label_width: int = 130) -> str:
    """Horizontal bars: ``items`` is [(label, count)]."""
    if not items:
        return f"<div><b>{esc(title)}</b><p class='muted'>none</p></div>"
    top = max(n for _, n in items) or 1
    row, height = 18, 24 + 18 * len(items)
    bars = []
    for i, (label, n) in enumerate(items):
        y = 20 + i * row
        w = max(1.0, (width - label_width - 60) * n / top)
        bars.append(f"<text x='{label_width - 6}' y='{y + 12}' text-anchor='end' font-size='11'>{esc(label)}</text>"
                    f"<rect x='{label_width}' y='{y + 2}' width='{w:.1f}' height='{row - 5}' fill='{BAR}'/>"
                    f"<text x='{label_width + w + 4:.1f}' y='{y + 12}' font-size='11'>{n:,}</text>")
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img' "
            f"aria-label='{esc(title)}'><text x='0' y='13' font-size='13' font-weight='600'>{esc(title)}</text>"
            + "".join(bars) + "</svg>")


def histogram(title: str, counts: dict, width: int = 360, bins: int = 20) -> str:
    """Vertical bars over numeric values (grouped into at most ``bins`` ranges)."""
    if not counts:
        return f"<div><b>{esc(title)}</b><p class='muted'>none</p></div>"
    low, high = min(counts), max(counts)
    step = max(1, math.ceil((high - low + 1) / bins)) if all(float(k).is_integer() for k in counts) else \
        max((high - low) / bins, 1e-9)
    grouped: dict = {}
    for value, n in counts.items():
        start = low + math.floor((value - low) / step) * step
        grouped[start] = grouped.get(start, 0) + n
    keys = sorted(grouped)
    top = max(grouped.values())
    plot_h, bar_w = 110, (width - 40) / max(1, len(keys))
    parts = []
    for i, k in enumerate(keys):
        h = plot_h * grouped[k] / top
        x = 30 + i * bar_w
        parts.append(f"<rect x='{x:.1f}' y='{20 + plot_h - h:.1f}' width='{max(1.0, bar_w - 2):.1f}' "
                     f"height='{h:.1f}' fill='{BAR}'><title>{esc(_fmt(k))}: {grouped[k]:,}</title></rect>")
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{plot_h + 42}' role='img' "
            f"aria-label='{esc(title)}'><text x='0' y='13' font-size='13' font-weight='600'>{esc(title)}</text>"
            + "".join(parts)
            + f"<text x='30' y='{plot_h + 36}' font-size='11'>{esc(_fmt(keys[0]))}</text>"
            + f"<text x='{width - 10}' y='{plot_h + 36}' font-size='11' text-anchor='end'>{esc(_fmt(keys[-1]))}</text>"
            + f"<text x='0' y='30' font-size='10'>{top:,}</text></svg>")


def _fmt(value) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def graph_svg(graph: dict, width: int = 560, height: int = 240) -> str:
    """A scene graph: objects as boxes (name, attributes), relations as labelled arrows."""
    objects = graph["objects"]
    if not objects:
        return "<p class='muted'>no objects</p>"
    g = nx.MultiDiGraph()
    g.add_nodes_from(range(len(objects)))
    for r in graph["relations"]:
        g.add_edge(r["subject"], r["object"], label=r["predicate"])
    layout = nx.circular_layout(g) if len(objects) > 2 else {i: (i * 2.0 - 1.0, 0.0) for i in range(len(objects))}
    if len(objects) == 1:
        layout = {0: (0.0, 0.0)}
    boxes = {}
    for i, o in enumerate(objects):
        label = " ".join([*o["attributes"], o["name"]])
        if o.get("quantity"):
            label = f"{o['quantity']} {label}"
        w, h = 14 + 7 * len(label), 26
        x, y = layout[i]
        cx, cy = width / 2 + x * (width / 2 - w / 2 - 10), height / 2 + y * (height / 2 - h / 2 - 10)
        boxes[i] = (cx, cy, w, h, label)
    parts = ["<defs><marker id='arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' markerHeight='7' "
             "orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='#555'/></marker></defs>"]
    for k, (s, o, data) in enumerate(g.edges(data=True)):
        (x1, y1), (x2, y2) = _edge_points(boxes[s], boxes[o]) if s != o else ((0, 0), (0, 0))
        if s == o:
            cx, cy, w, h, _ = boxes[s]
            parts.append(f"<path d='M{cx - 10},{cy - h / 2} C{cx - 30},{cy - 50} {cx + 30},{cy - 50} "
                         f"{cx + 10},{cy - h / 2}' fill='none' stroke='#555' marker-end='url(#arrow)'/>"
                         f"<text x='{cx}' y='{cy - 44}' text-anchor='middle' font-size='11' fill='#8a3b00'>"
                         f"{esc(data['label'])}</text>")
            continue
        parts.append(f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='#555' "
                     "stroke-width='1.4' marker-end='url(#arrow)'/>"
                     f"<text x='{(x1 + x2) / 2:.1f}' y='{(y1 + y2) / 2 - 4 - 12 * (k % 2):.1f}' text-anchor='middle' "
                     f"font-size='11' fill='#8a3b00' paint-order='stroke' stroke='#fff' stroke-width='3'>"
                     f"{esc(data['label'])}</text>")
    for cx, cy, w, h, label in boxes.values():
        parts.append(f"<rect x='{cx - w / 2:.1f}' y='{cy - h / 2:.1f}' width='{w}' height='{h}' rx='5' "
                     f"fill='#eef4fb' stroke='{BAR}'/><text x='{cx:.1f}' y='{cy + 4:.1f}' text-anchor='middle' "
                     f"font-size='12'>{esc(label)}</text>")
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img' "
            f"aria-label='scene graph'>" + "".join(parts) + "</svg>")


def _edge_points(a, b):
    """Where the line between two boxes' centres leaves the first box and enters the second."""
    (ax, ay, aw, ah, _), (bx, by, bw, bh, _) = a, b
    dx, dy = bx - ax, by - ay

    def exit_scale(w, h):
        sx = (w / 2) / abs(dx) if dx else math.inf
        sy = (h / 2) / abs(dy) if dy else math.inf
        return min(sx, sy, 0.45)
    s1, s2 = exit_scale(aw, ah), exit_scale(bw, bh)
    return (ax + dx * s1, ay + dy * s1), (bx - dx * s2, by - dy * s2)


def highlighted(negative: str, positive: str) -> str:
    """The negative with the words that differ from its positive in <mark>."""
    neg, pos = negative.split(), positive.split()
    out = []
    for op, _, _, j1, j2 in difflib.SequenceMatcher(a=pos, b=neg, autojunk=False).get_opcodes():
        words = esc(" ".join(neg[j1:j2]))
        if j1 == j2:
            continue
        out.append(words if op == "equal" else f"<mark>{words}</mark>")
    return " ".join(out)


def record_card(record: dict) -> str:
    positives = record["positives"]
    items = "".join(f"<li><span class='kind'>{esc(p['kind'])}</span>{esc(p['text'])}</li>" for p in positives[1:])
    negs = []
    for n in record["negatives"]:
        source = positives[n["positive"]]["text"] if 0 <= n["positive"] < len(positives) else ""
        negs.append(f"<li><span class='kind'>{esc(n['type'])}</span>{highlighted(n['text'], source)}</li>")
    skipped = f"<p class='muted'>no scene: {esc(record['skipped'])}</p>" if record.get("skipped") else ""
    return (f"<div class='card'><div class='caption'>{esc(record['caption'])}</div>"
            f"<div class='muted'>key <code>{esc(record['key'])}</code></div>{skipped}"
            f"{graph_svg(record['scene_graph'])}"
            f"<div class='grid'><div><b>positives</b><ul>{items or '<li class=muted>caption only</li>'}</ul></div>"
            f"<div><b>negatives</b><ul>{''.join(negs) or '<li class=muted>none</li>'}</ul></div></div></div>")


def _rows(items, header) -> str:
    body = "".join(f"<tr><td>{esc(a)}</td><td>{esc(b)}</td><td class='n'>{c:,}</td></tr>" for a, b, c in items)
    return f"<table><tr>{''.join(f'<th>{esc(h)}</th>' for h in header)}</tr>{body}</table>"


def gallery_records(summary: Summary, count: int) -> list:
    """Records for the gallery, spread over the sample; those with negatives first."""
    ranked = sorted(summary.sample, key=lambda r: (not r["negatives"], not r["scene_graph"]["relations"]))
    step = max(1, len(ranked) // max(1, count * 2))
    return ranked[::step][:count]


def render(summary: Summary, gallery: int = 12) -> str:
    s = summary.stats
    rejected = [(reason, stage, n) for (reason, stage), n in summary.rejections.most_common()]
    dist = summary.distributions()
    frequent = summary.frequent()
    conf = summary.confidences()
    letters = "".join(
        f"<h3>{esc(reason)} <span class='muted'>({esc(stage_of(reason))})</span></h3><ul>"
        + "".join(f"<li><code>{esc(d.get('key'))}</code> {esc(str(d.get('raw', ''))[:200])}</li>" for d in kept)
        + "</ul>" for reason, kept in sorted(summary.letters.items()))
    charts = [
        bar_chart("negatives per type", sorted(s.get("negatives", {}).items(), key=lambda kv: -kv[1])),
        bar_chart("positives per kind", sorted(s.get("positives", {}).items(), key=lambda kv: -kv[1])),
        histogram("negatives per record", summary.per_record["negatives"]),
        histogram("positives per record", summary.per_record["positives"]),
        *(histogram(f"{name} per caption" if name != "caption words" else name, counts)
          for name, counts in dist.items()),
        histogram("element confidence", conf["confidence"]),
        histogram("plausibility gap (positive - negative log-prob)", conf["plausibility gap"]),
    ]
    tops = [bar_chart(f"top {kind}", items, width=380) for kind, items in frequent.items()]
    cards = "".join(record_card(r) for r in gallery_records(summary, gallery))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>sgshards report: {esc(summary.output)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>
<h1>sgshards report</h1>
<p class="muted">{esc(summary.output)}: {summary.shards} shard(s); distributions and gallery from
{len(summary.sample):,} sampled records, counts from the run's stats and indexes.</p>
<h2>Run summary</h2>
<table>
<tr><td>input records</td><td class="n">{s['input_records']:,}</td></tr>
<tr><td>written</td><td class="n">{s['written']:,}</td></tr>
<tr><td>rejected</td><td class="n">{s.get('rejected_total', 0):,}</td></tr>
<tr><td>captions with a hard negative</td><td class="n">{s['with_negative']:,}</td></tr>
<tr><td>written without sub-graphs (describe no scene)</td><td class="n">{s.get('skipped_total', 0):,}</td></tr>
</table>
{_rows(rejected, ("rejected: reason", "stage", "records")) if rejected else ""}
<h2>Distributions</h2><div class="grid">{''.join(charts)}</div>
<h2>Most frequent</h2><div class="grid">{''.join(tops)}</div>
<h2>Gallery</h2>{cards or "<p class='muted'>no records</p>"}
<h2>Dead letters</h2>{letters or "<p class='muted'>none</p>"}
</body></html>
"""
