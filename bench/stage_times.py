"""Per-caption CPU time of annotate_batch's stages after spaCy, in-process.  Not a test.

    PYTHONPATH=<checkout or compiled build> NC=3000 python bench/stage_times.py

Parses NC CC3M captions once (the parses are cached), annotates them once to warm every
cache, then times a second pass: the record chain's stages (build_graph, the suitability gate,
augment_steps, and finish_all, which drives the steps and asks the blind scores: it holds
augment_steps), augment's parts (guards, positives, each negative generator) and the guards' callees
that are called through a module (not compiled into their caller).  CPU seconds; on a shared
machine compare checkouts alternately (run A, B, A, B) and read the ratios, not the levels.
GCT=10000,20,10 sets other collector thresholds for the timed pass.
"""
import os, sys, time
from sgshards.annotate import annotate_batch, item
from sgshards.parse import load_parser
NC = int(os.environ.get("NC", "3000"))
from pathlib import Path
SHARED = Path(os.environ.get("SGSHARDS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
with open(SHARED / "data" / "captions" / "cc3m_val.tsv", encoding="utf-8") as f:
    caps = [line.rstrip("\n").split("\t")[0] for line in f][:NC]
parser = load_parser()
cache = {}
class P:
    def parse(self, cs):
        miss = [c for c in cs if c not in cache]
        for c, d in zip(miss, parser.parse(miss) if miss else []): cache[c] = d
        return [cache[c] for c in cs]
p = P()
its = [item(i, f"{i:09d}", c) for i, c in enumerate(caps)]
for s0 in range(0, len(its), 256): annotate_batch(p, its[s0:s0+256])
T = {}
clock = time.process_time
def wrap(mod, name, label=None):
    f = getattr(mod, name); label = label or f"{mod.__name__.split('.')[-1]}.{name}"
    def w(*a, **k):
        t = clock()
        try: return f(*a, **k)
        finally: T[label] = T.get(label, 0.0) + clock() - t
    setattr(mod, name, w)
def wrapgen(d, key):
    f = d[key]
    def w(*a, **k):
        t = clock(); it = iter(f(*a, **k)); T[key] = T.get(key, 0.0) + clock() - t
        while True:
            t = clock()
            try: x = next(it)
            except StopIteration:
                T[key] = T.get(key, 0.0) + clock() - t; return
            T[key] = T.get(key, 0.0) + clock() - t
            yield x
    d[key] = w
def wrapsteps(mod, name):
    """A generator of steps (``augment_steps``): its own time between the answers it is sent."""
    f = getattr(mod, name)
    def w(*a, **k):
        t = clock(); gen = f(*a, **k); T[name] = T.get(name, 0.0) + clock() - t
        value = None
        while True:
            t = clock()
            try: request = gen.send(value)
            except StopIteration as stop:
                T[name] = T.get(name, 0.0) + clock() - t; return stop.value
            T[name] = T.get(name, 0.0) + clock() - t
            value = yield request
    setattr(mod, name, w)
import sgshards.annotate as AN, sgshards.augment.core as C, sgshards.augment.negatives as N
import sgshards.augment.depicted as D, sgshards.augment.attachment as AT
for n in ("build_graph", "suitability", "description", "normalize_caption", "finish_all"): wrap(AN, n)
wrapsteps(AN, "augment_steps")          # the record chain after the gate: positives, guards, negatives
for n in ("excluded", "sample_positives", "caption_surface", "trusted_view", "seeded_rng", "last_resort", "text_key", "text_of"): wrap(C, n)
for n in ("undepicted", "page_tokens"): wrap(D, n)
for n in ("wrong_attachments", "clause_objects"): wrap(AT, n)
import sgshards.augment.guards as G, sgshards.text.suitability as S
for n in ("unsafe_tokens","children_index","not_depicted","clause_objects","undepicted","unit_spans","misattached","wrong_attachments"): wrap(G, n, "G."+n)
for n in [x for x in dir(S) if x in ("caption_view","file_name_or_url","not_english","text_only","product_listing","branded_product","keyword_list","title_case","noun_stack","title_in_sentence_case","statement","claim","no_visible_object","page_text","product_title","news_headline","segmented_listing","title_segments","comma_keywords")]: wrap(S, n, "S."+n)
for k in list(N.GENERATORS): wrapgen(N.GENERATORS, k)
orig_of = C.Context.of
def of(*a):
    t = clock(); r = orig_of(*a); T["Context.of"] = T.get("Context.of", 0) + clock() - t; return r
C.Context = type("Ctx", (), {"of": staticmethod(of)})
import gc
if os.environ.get("GCT"): gc.set_threshold(*map(int, os.environ["GCT"].split(",")))
print("gc thresholds", gc.get_threshold())
t0 = clock()
for s0 in range(0, len(its), 256): annotate_batch(p, its[s0:s0+256])
tot = clock() - t0
print(f"total {1000*tot/NC:.3f} ms/caption")
for k, v in sorted(T.items(), key=lambda kv: -kv[1]):
    print(f"  {k:28s} {1000*v/NC:.3f}")
