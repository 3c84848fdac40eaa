"""Check a structure gold file against the dev corpus: offsets in range, stripped, no overlaps,
every non-space character covered, sha1 of each article text matching.

    python benchmarks/structure_gold/validate.py benchmarks/structure_gold/part1.jsonl [--show ID]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
KINDS = {"caption", "credit", "byline", "source_line", "related_links", "furniture", "subheading", "agency_tag", "title"}


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def check(rec: dict, text: str) -> list[str]:
    errs = []
    if rec.get("sha1") != sha(text):
        errs.append("sha1 mismatch")
    spans = [(s, e, "body") for s, e in rec["body"]] + [(s, e, k) for s, e, k in rec["non_body"]]
    spans.sort()
    covered = [False] * len(text)
    last_end = 0
    for s, e, k in spans:
        if k != "body" and k not in KINDS:
            errs.append(f"unknown kind {k!r} at {s}")
        if not (0 <= s < e <= len(text)):
            errs.append(f"bad span {s},{e}")
            continue
        if s < last_end:
            errs.append(f"overlap at {s} ({text[s : s + 30]!r})")
        if text[s].isspace() or text[e - 1].isspace():
            errs.append(f"span {s},{e} not stripped")
        for i in range(s, e):
            covered[i] = True
        last_end = max(last_end, e)
    gaps = [i for i, c in enumerate(text) if not c.isspace() and not covered[i]]
    if gaps:
        errs.append(f"{len(gaps)} uncovered characters, first at {gaps[0]}: {text[gaps[0] : gaps[0] + 40]!r}")
    return errs


def main() -> int:
    texts = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            texts[r["id"]] = r["text"]
    bad = 0
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        text = texts[rec["id"]]
        errs = check(rec, text)
        if errs:
            bad += 1
            print(rec["id"], "; ".join(errs[:5]))
        if show == rec["id"]:
            spans = sorted([(s, e, "body") for s, e in rec["body"]] + [tuple(x) for x in rec["non_body"]])
            for s, e, k in spans:
                print(f"[{k}] {text[s:e]}")
    print(f"{bad} article(s) with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
