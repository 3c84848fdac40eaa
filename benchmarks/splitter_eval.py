"""Sentence splitter precision / recall / F1 on a hand-checked gold set from the dev corpus.

The gold set (``splitter_gold.json``) stores article ids, the character span of
each unit (a line, or a window of a one-paragraph article) and the offsets,
relative to the span, where a new sentence starts; never the articles' text.
Every candidate position (each ., !, ?, … and glued caption) was checked by hand.

    python benchmarks/splitter_eval.py                 # vnsum (and underthesea if installed)
    python benchmarks/splitter_eval.py show            # print the units with candidate marks (for labelling)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnsum.text import split_sentences

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
GOLD = Path(__file__).resolve().parent / "splitter_gold.json"
SEED = ROOT / "tests" / "data" / "seed_binhduong.txt"
_CANDIDATE = re.compile(r"[.!?…]+[\"”’')\]]*|\)(?=\s+[A-ZĐ])")


def load_texts(corpus: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r["text"] for r in rows}


def starts_of(unit: str, sentences: list[str]) -> list[int]:
    """Offsets in ``unit`` where each sentence after the first begins."""
    out, pos = [], 0
    for i, s in enumerate(sentences):
        j = unit.find(s, pos)
        if j < 0:
            raise ValueError(f"sentence not found in unit: {s[:60]!r}")
        if i:
            out.append(j)
        pos = j + len(s)
    return out


def prf(pred: list[int], gold: list[int]) -> tuple[int, int, int]:
    p, g = set(pred), set(gold)
    return len(p & g), len(p - g), len(g - p)


def report(name: str, counts: tuple[int, int, int]) -> str:
    tp, fp, fn = counts
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"| {name} | {tp + fn} | {precision:.3f} | {recall:.3f} | {f1:.3f} |"


def underthesea_split() -> object | None:
    try:
        from underthesea import sent_tokenize
    except Exception:
        return None
    return sent_tokenize


def evaluate(units: list[tuple[str, str, list[int]]]) -> list[str]:
    """Rows of the results table for vnsum (and underthesea when it is installed)."""
    splitters = {"vnsum": split_sentences}
    ut = underthesea_split()
    if ut is not None:
        splitters["underthesea sent_tokenize"] = ut
    rows = []
    for name, fn in splitters.items():
        tp = fp = fn_ = 0
        errors: list[str] = []
        for uid, unit, gold in units:
            sents = [s.strip() for s in fn(unit) if s.strip()]
            try:
                pred = starts_of(unit, sents)
            except ValueError:
                pred = []
            a, b, c = prf(pred, gold)
            tp, fp, fn_ = tp + a, fp + b, fn_ + c
            if b or c:
                errors.append(uid)
        rows.append(report(name, (tp, fp, fn_)) + f" {len(errors)} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", nargs="?", default="eval", choices=["eval", "show"])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--write", action="store_true", help="also store the output in benchmarks/RESULTS.md")
    args = ap.parse_args()
    from _results import run_and_record

    run_and_record("splitter", "## Sentence splitter (`benchmarks/splitter_eval.py`)", __file__, _run, args)


def _run(args: argparse.Namespace) -> None:
    texts = load_texts(args.corpus)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    units = []
    for g in gold["units"]:
        unit = texts[g["id"]][g["start"] : g["end"]]
        if hashlib.sha1(unit.encode()).hexdigest()[:12] != g["sha1"]:
            raise SystemExit(f"{g['id']}: the corpus text differs from the one the gold set was made on")
        units.append((f"{g['id']}@{g['start']}", unit, g["starts"]))
    if args.mode == "show":
        for uid, unit, gold_starts in units:
            marked, last = [], 0
            for n, m in enumerate(_CANDIDATE.finditer(unit)):
                marked.append(unit[last : m.end()] + f"⟦{n}:{m.end()}⟧")
                last = m.end()
            marked.append(unit[last:])
            print(f"## {uid} gold={gold_starts}\n{''.join(marked)}\n")
        return
    print(f"gold set: {len(units)} units, {sum(len(g) for _, _, g in units)} sentence starts inside units\n")
    print(
        "vnsum's rules were refined while this gold set was labelled, so its figure is optimistic; underthesea\n"
        "(shown when it is importable) is not tuned on it.\n"
    )
    print("| splitter | boundaries | precision | recall | F1 | units with an error |\n|---|---|---|---|---|---|")
    for row in evaluate(units):
        print(row)
    seed_units = [(f"seed:{i}", line, []) for i, line in enumerate(SEED.read_text(encoding="utf-8").splitlines()) if line.strip()]
    seed_gold = json.loads(GOLD.read_text(encoding="utf-8"))["seed_starts"]
    seed_units = [(u, line, seed_gold.get(u.split(":")[1], [])) for u, line, _ in seed_units]
    print("\nseed article (tests/data/seed_binhduong.txt, every line):\n")
    print("| splitter | boundaries | precision | recall | F1 | units with an error |\n|---|---|---|---|---|---|")
    for row in evaluate(seed_units):
        print(row)


if __name__ == "__main__":
    main()
