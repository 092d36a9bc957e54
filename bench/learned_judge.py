"""Can a model learned from the hand labels tell which sub-graph positives readers reject?

    pip install scikit-learn   # only this experiment needs it
    PYTHONPATH=$PWD python bench/learned_judge.py [--samples heldout3,...,heldout14]

Every labelled sub-graph positive of today's output on the held-out samples (bench/validity.py) is a
row: its words and word pairs, the names and predicates of its graph elements, their lowest confidence,
its kind and lengths, the caption's capitals and digits.  A logistic regression is fitted on all samples
but one and scores the held-out one (cross-validated by sample, so no sample's texts judge themselves);
the table says, per source, the valid share of the positives it would keep at each share kept.  On
2026-12-06 (5,486 rows from heldout3-14): keeping the best 90% moved CC3M from 91.3% to 92.0% valid, the
web from 79.1% to 80.0%: the surface of a text does not say whether readers accept it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import validity  # noqa: E402  (bench/validity.py: the samples, their texts and labels)


def rows(samples: list[str]) -> list[dict]:
    labels = validity.load_labels()
    out = []
    for s in samples:
        for name, recs in validity.records(s).items():
            for r in recs:
                g = r["scene_graph"]
                for p in r["positives"]:
                    if p["kind"] == "caption":
                        continue
                    t = {"source": name, "row": int(r["key"]), "role": "positive", "type": p["kind"],
                         "text": p["text"], "perturbs": None}
                    label = labels.get(validity.label_key(t))
                    if label is None:
                        continue
                    confs = [g["objects"][i]["confidence"] for i in p["objects"]] + \
                            [g["relations"][i]["confidence"] for i in p["relations"]]
                    out.append({"sample": s, "source": name, "caption": r["caption"], "text": p["text"],
                                "kind": p["kind"], "conf": min(confs) if confs else 1.0, "nobj": len(p["objects"]),
                                "nrel": len(p["relations"]), "valid": validity.valid(label),
                                "elements": [g["relations"][i]["predicate"] for i in p["relations"]]
                                + [g["objects"][i]["name"] for i in p["objects"]]})
    return out


def numbers(d: dict) -> list[float]:
    cw, tw = d["caption"].split(), d["text"].split()
    return [d["conf"], len(tw), len(cw) / 20, sum(w[:1].isupper() for w in cw) / max(1, len(cw)),
            sum(any(ch.isdigit() for ch in w) for w in cw) / max(1, len(cw)), d["nobj"], d["nrel"],
            d["kind"] == "object", d["kind"] == "relation", d["kind"] == "chain",
            sum(w[:1].isupper() for w in tw) / max(1, len(tw)), any(ch.isdigit() for ch in d["text"])]


def main(argv: list[str]) -> int:
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samples", default=",".join(f"heldout{i}" for i in range(3, 15)))
    args = ap.parse_args(argv)
    data = rows(args.samples.split(","))
    words = HashingVectorizer(n_features=2 ** 16, ngram_range=(1, 2), alternate_sign=False)
    x = hstack([csr_matrix(np.array([numbers(d) for d in data], dtype=float)),
                words.transform([d["text"] for d in data]),
                words.transform([" ".join("E_" + e.replace(" ", "_") for e in d["elements"]) for d in data])]).tocsr()
    y = np.array([d["valid"] for d in data])
    sample = np.array([d["sample"] for d in data])
    source = np.array([d["source"] for d in data])
    scores = np.zeros(len(data))
    for s in sorted(set(sample)):
        fit = LogisticRegression(C=0.5, max_iter=2000).fit(x[sample != s], y[sample != s])
        scores[sample == s] = fit.predict_proba(x[sample == s])[:, 1]
    print(f"{len(data)} labelled sub-graph positives; valid share of those kept, by the share kept")
    print("| source | " + " | ".join(f"keep {k:.0%}" for k in (1.0, 0.95, 0.9, 0.85, 0.8)) + " |")
    print("| --- |" + " --- |" * 5)
    for src in sorted(set(source)):
        m = source == src
        cells = []
        for keep in (1.0, 0.95, 0.9, 0.85, 0.8):
            kept = m & (scores >= (np.quantile(scores[m], 1 - keep) if keep < 1 else -1))
            cells.append(f"{y[kept].mean():.1%} ({kept.sum()})")
        print(f"| {src} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
