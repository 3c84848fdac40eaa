"""The digest on development data: grouping (B-cubed, ARI), merged key points (ROUGE against
the human references beside three multi-document baselines), injected disagreements, and the
disagreements reported on untouched clusters (labelled by reading, in digest_labels.json).

Data: benchmarks/_digest_data.py (KTLab 1-100, News-MDS 001-050, VietNews 000001-005000 only;
``--split tune`` or ``--split held``). No model: key points come from vnsum's extractive
selector and the headline/summary are not generated.

    python benchmarks/digest_eval.py --split tune grouping
    python benchmarks/digest_eval.py --split held all
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _digest_data as data

from vnsum.stories import build_digest
from vnsum.stories.reports import from_text

LABELS = Path(__file__).resolve().parent / "digest_labels.json"


def reports(docs: list[data.Doc]) -> list:
    return [
        from_text(d.id, d.text, source=d.url or d.id, url=d.url, date=d.date, title=d.title, outlet_name=d.outlet) for d in docs
    ]


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for k in gold:
        by_pred.setdefault(pred[k], set()).add(k)
        by_gold.setdefault(gold[k], set()).add(k)
    p = r = 0.0
    for k in gold:
        both = len(by_pred[pred[k]] & by_gold[gold[k]])
        p += both / len(by_pred[pred[k]])
        r += both / len(by_gold[gold[k]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def ari(pred: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    keys = sorted(gold)
    return float(adjusted_rand_score([gold[k] for k in keys], [pred[k] for k in keys]))


def assignment(digest) -> tuple[dict[str, str], dict[str, str]]:
    """article -> story, and article -> story joined with its follow-ups."""
    story = {m.article: s.id for s in digest.stories for m in s.members}
    parent = {s.id: s.id for s in digest.stories}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for s in digest.stories:
        for other, _ in s.related:
            a, b = sorted((root(s.id), root(other)))
            parent[b] = a
    return story, {k: root(v) for k, v in story.items()}


def grouping(split: str, distractors: int) -> None:
    rng = random.Random(21)
    numbers = list(data.SPLITS[split]["vietnews"])
    noise = data.vietnews(sorted(rng.sample(numbers, distractors)))
    kt = data.ktlab(data.SPLITS[split]["ktlab"])
    docs = [d for c in kt for d in c.docs] + noise
    gold = {d.id: d.cluster for d in docs}
    t = time.perf_counter()
    dg = build_digest(reports(docs), disagreements=False)
    secs = time.perf_counter() - t
    story, joined = assignment(dg)
    p, r, f = bcubed(story, gold)
    print(
        f"| KTLab {split} ({len(kt)} clusters, {sum(len(c.docs) for c in kt)} articles) + {len(noise)} VietNews distractors "
        f"| {p:.4f} | {r:.4f} | {f:.4f} | {ari(story, gold):.4f} | {len(dg.stories)} | {secs:.1f} s |"
    )
    nm = data.newsmds(data.SPLITS[split]["newsmds"])
    docs = [d for c in nm for d in c.docs]
    gold = {d.id: d.cluster for d in docs}
    dg = build_digest(reports(docs), disagreements=False)
    story, joined = assignment(dg)
    p, r, f = bcubed(story, gold)
    print(
        f"| News-MDS {split} ({len(nm)} clusters, {len(docs)} articles), stories | {p:.4f} | {r:.4f} | {f:.4f} | {ari(story, gold):.4f} | {len(dg.stories)} | |"
    )
    p, r, f = bcubed(joined, gold)
    print(
        f"| News-MDS {split}, stories joined with their follow-ups | {p:.4f} | {r:.4f} | {f:.4f} | {ari(joined, gold):.4f} | {len(set(joined.values()))} | |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["grouping", "points", "inject", "found", "all"])
    ap.add_argument("--split", choices=["tune", "held"], default="tune")
    ap.add_argument("--distractors", type=int, default=300)
    args = ap.parse_args()
    if args.what in ("grouping", "all"):
        print("| set | B-cubed P | B-cubed R | B-cubed F1 | ARI | stories | time |\n|---|---|---|---|---|---|---|")
        grouping(args.split, args.distractors)


if __name__ == "__main__":
    main()
