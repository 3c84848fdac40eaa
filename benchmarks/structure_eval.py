"""How vnsum reads an article's structure, against the hand-labelled gold set.

The gold set (``benchmarks/structure_gold/*.jsonl``, labelled with the rules of
``../shared/corpus/structure-conventions.md``) stores, for each of 200 dev articles, the
character spans of its body sentences and of its non-body items (caption, credit, byline,
source line, related links, furniture, sub-heading); never the articles' text, which comes
from the dev corpus at run time (its sha1 is checked).

``structure_gold/split.json`` fixed, before the last 140 articles were labelled, which part
rules and the caption model may be written on and which part is only scored:

- the fitting part: "seen_old" (60 articles labelled first, ``part1-4.jsonl``) and "fit" (70,
  ``fit_a/b.jsonl``): read freely, the caption model is fitted on it
  (``benchmarks/train_captions.py``);
- the unseen part: "unseen" (70, ``unseen_a/b.jsonl``), labelled by other readers, never read
  by whoever writes the rules, scored once at the end. Its figures are the ones that count.
  ``--errors`` never prints the unseen part's articles.

Fresh articles from outside the dev set (``benchmarks/fresh_corpus.py`` builds their text into
``benchmarks/.work/fresh/articles.jsonl`` from the source repositories; KTLab clusters 1-100 and
News-MDS clusters 1-50, the kinds of articles the unseen part fails on), labelled the same way,
``structure_gold/fresh/``: "fresh-fit" (read while writing rules) and "fresh-check" (labelled
after the rules were frozen, scored only), split by ``structure_gold/fresh/split.json`` before any
of them was labelled or scored.

vnsum reads ``title + "\\n" + text`` (what a user's file looks like; ``--no-title`` reads the
text alone). Its body sentences are mapped back to character offsets of ``text`` by searching
each one forward in the text, ignoring whitespace and diacritics placement (vnsum cleans the
text: NFC, one tone-mark convention, single spaces).

Figures, overall and per dataset:

- sentence P / R / F1: a predicted body sentence is right when its span equals a gold body
  sentence's span exactly (after whitespace normalisation);
- non-body kept: share of the gold non-body characters (no whitespace) that vnsum keeps as body;
- body lost: share of the gold body characters that vnsum does not keep as body;
- key points with non-body text: share of ``keypoints.select(article, 3)`` picks that overlap a
  gold non-body item by 5 characters or more.

It also parses all dev articles (200) and counts those where vnsum finds no body.

    python benchmarks/structure_eval.py [--part fitting|unseen|both|fresh-fit|fresh-check|fresh|every]
        [--corpus PATH] [--fresh-corpus PATH] [--no-title] [--errors] [--write]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnsum.keypoints import select
from vnsum.text import parse_article

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
GOLD_DIR = Path(__file__).resolve().parent / "structure_gold"
KEYPOINT_OVERLAP = 5


def _fold_char(ch: str) -> str:
    """The base letter of a character, lowercased ("" for whitespace and invisible characters)."""
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
        return ""
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base.lower()


class Aligner:
    """Find strings in ``text`` ignoring whitespace, invisible characters and diacritics placement."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(text):
            for f in _fold_char(ch):
                chars.append(f)
                where.append(i)
        self.folded = "".join(chars)
        self.where = where
        self.pos = 0

    def find(self, piece: str) -> tuple[int, int] | None:
        """The [start, end) span of ``piece`` in the text, searching forward from the last match."""
        key = "".join(_fold_char(ch) for ch in piece)
        if not key:
            return None
        j = self.folded.find(key, self.pos)
        if j < 0:
            j = self.folded.find(key)
            if j < 0:
                return None
        else:
            self.pos = j + len(key)
        return self.where[j], self.where[j + len(key) - 1] + 1


def load_corpus(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())}


FITTING = "fitting"
UNSEEN = "unseen"
FRESH_FIT = "fresh-fit"
FRESH_CHECK = "fresh-check"
FRESH_CORPUS = Path(__file__).resolve().parent / ".work" / "fresh" / "articles.jsonl"
READABLE = (FITTING, FRESH_FIT)


def split_of() -> dict[str, str]:
    """Article id -> "fitting" or "unseen" (``structure_gold/split.json``)."""
    split = json.loads((GOLD_DIR / "split.json").read_text(encoding="utf-8"))
    out = {rid: FITTING for key in ("seen_old", "fit") for rid in split[key]}
    out.update({rid: UNSEEN for rid in split["unseen"]})
    return out


def load_gold(part: str = FITTING) -> list[dict]:
    """The gold records of one part ("fitting", "unseen", "fresh-fit", "fresh-check") or of the dev set ("all")."""
    if part in (FRESH_FIT, FRESH_CHECK):
        path = GOLD_DIR / "fresh" / f"{part.replace('-', '_')}.jsonl"
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts = split_of()
    rows = []
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        if part == FITTING and path.name.startswith("unseen"):
            continue  # never even opened while working on the fitting part
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if part == "all" or parts.get(rec["id"]) == part:
                    rows.append(rec)
    return rows


def _covered(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    mask = [False] * len(text)
    for s, e in spans:
        for i in range(s, e):
            mask[i] = True
    return mask


def score_article(row: dict, gold: dict, with_title: bool = True) -> dict:
    """Counts for one article (see the module docstring)."""
    text = row["text"]
    prefix = f"{row['title']}\n" if with_title else ""
    article = parse_article(prefix + text)
    aligner = Aligner(prefix + text)
    shift = len(prefix)

    def span_of(sentence: str) -> tuple[int, int] | None:
        found = aligner.find(sentence)
        if found is None or found[1] <= shift:
            return None
        return max(found[0], shift) - shift, found[1] - shift

    predicted = []
    unaligned = 0
    for _, _, sentence in article.body_sentences():
        span = span_of(sentence)
        if span is None:
            unaligned += 1
        else:
            predicted.append(span)
    gold_body = [tuple(x) for x in gold["body"]]
    gold_non_body = [(s, e) for s, e, _ in gold["non_body"]]
    tp = len(set(predicted) & set(gold_body))
    body_mask = _covered(text, predicted)
    gold_body_mask = _covered(text, gold_body)
    non_body_mask = _covered(text, gold_non_body)
    counts = defaultdict(int)
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if gold_body_mask[i]:
            counts["body_chars"] += 1
            counts["body_lost"] += not body_mask[i]
        elif non_body_mask[i]:
            counts["non_body_chars"] += 1
            counts["non_body_kept"] += body_mask[i]
    aligner.pos = 0
    bad_points = []
    picks = select(article, 3)
    for c in picks:
        aligner.pos = 0
        span = span_of(c.text)
        if span is None:
            continue
        s, e = span
        if any(min(e, ge) - max(s, gs) >= KEYPOINT_OVERLAP for gs, ge in gold_non_body):
            bad_points.append(c.text)
    counts.update(
        tp=tp,
        predicted=len(predicted) + unaligned,
        gold=len(gold_body),
        keypoints=len(picks),
        bad_keypoints=len(bad_points),
        unaligned=unaligned,
    )
    counts["_errors"] = {
        "kept": [f"[{k}] {text[s:e]}" for s, e, k in gold["non_body"] if sum(body_mask[s:e]) >= min(5, e - s)],
        "missed": [text[s:e] for s, e in gold_body if (s, e) not in set(predicted)],
        "spurious": [text[s:e] for s, e in predicted if (s, e) not in set(gold_body)],
        "bad_keypoints": bad_points,
    }
    return counts


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def summarise(counts: dict) -> dict[str, float]:
    p = _ratio(counts["tp"], counts["predicted"])
    r = _ratio(counts["tp"], counts["gold"])
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "non_body_kept": _ratio(counts["non_body_kept"], counts["non_body_chars"]),
        "body_lost": _ratio(counts["body_lost"], counts["body_chars"]),
        "bad_keypoints": _ratio(counts["bad_keypoints"], counts["keypoints"]),
    }


def evaluate(
    corpus: Path, with_title: bool = True, part: str = FITTING
) -> tuple[dict[str, dict], dict[str, dict], int, list[str]]:
    """Totals per dataset, counts per article, and the articles of ``corpus`` where no body is found."""
    rows = load_corpus(corpus)
    totals: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    per_article: dict[str, dict] = {}
    for gold in load_gold(part):
        row = rows[gold["id"]]
        if hashlib.sha1(row["text"].encode("utf-8")).hexdigest()[:12] != gold["sha1"]:
            raise SystemExit(f"{gold['id']}: the corpus text differs from the one the gold set was made on")
        counts = score_article(row, gold, with_title)
        per_article[gold["id"]] = counts
        for key in ("all", row["dataset"]):
            totals[key]["articles"] += 1
            for k, v in counts.items():
                if not k.startswith("_"):
                    totals[key][k] += v
    failed = []
    for rid, row in rows.items():
        prefix = f"{row['title']}\n" if with_title else ""
        if not parse_article(prefix + row["text"]).body_sentences():
            failed.append(rid)
    return totals, per_article, len(rows), failed


def table(totals: dict[str, dict]) -> str:
    lines = [
        "| dataset (articles) | gold sentences | precision | recall | F1 | non-body chars kept as body | "
        "body chars lost | key points with non-body text |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for ds in ["all"] + sorted(k for k in totals if k != "all"):
        c = totals[ds]
        s = summarise(c)
        lines.append(
            f"| {ds} ({c['articles']}) | {c['gold']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
            f"{100 * s['non_body_kept']:.1f}% ({c['non_body_kept']}/{c['non_body_chars']}) | "
            f"{100 * s['body_lost']:.2f}% ({c['body_lost']}/{c['body_chars']}) | "
            f"{100 * s['bad_keypoints']:.1f}% ({c['bad_keypoints']}/{c['keypoints']}) |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument(
        "--fresh-corpus",
        type=Path,
        default=FRESH_CORPUS,
        help="the fresh articles from outside the dev set (built by benchmarks/fresh_corpus.py)",
    )
    ap.add_argument("--no-title", action="store_true", help="read the text alone, without its title line")
    ap.add_argument(
        "--part",
        choices=[FITTING, UNSEEN, "both", FRESH_FIT, FRESH_CHECK, "fresh", "every"],
        default=FITTING,
        help="which part: the dev set's fitting part (default) or unseen part, or each of the two (both); "
        "the fresh articles' fresh-fit or fresh-check part, or each of the two (fresh); all four (every)",
    )
    ap.add_argument(
        "--errors",
        action="store_true",
        help="print each article's missed and spurious sentences (fitting and fresh-fit parts only)",
    )
    ap.add_argument("--write", action="store_true", help="also store the output in benchmarks/RESULTS.md")
    args = ap.parse_args()
    from _results import run_and_record

    run_and_record("structure", "## Article structure vs hand labels (`benchmarks/structure_eval.py`)", __file__, _run, args)


def _run(args: argparse.Namespace) -> None:
    with_title = not args.no_title
    groups = {
        "both": [FITTING, UNSEEN],
        "fresh": [FRESH_FIT, FRESH_CHECK],
        "every": [FITTING, FRESH_FIT, FRESH_CHECK, UNSEEN],
    }
    parts = groups.get(args.part, [args.part])
    names = {
        FITTING: "dev fitting part (seen_old + fit)",
        UNSEEN: "dev unseen part (scored only, never read)",
        FRESH_FIT: "fresh-fit part (outside the dev set, read while writing rules)",
        FRESH_CHECK: "fresh-check part (outside the dev set, scored only)",
    }
    failures: dict[str, tuple[int, list[str]]] = {}
    readable: dict[str, dict] = {}
    for part in parts:
        fresh = part in (FRESH_FIT, FRESH_CHECK)
        totals, per_article, n_rows, failed = evaluate(args.fresh_corpus if fresh else args.corpus, with_title, part)
        failures["fresh" if fresh else "dev"] = (n_rows, failed)
        if part in READABLE:
            readable.update(per_article)
        print(
            f"### {names[part]}: {totals['all']['articles']} hand-labelled articles; "
            f"input: {'title + text' if with_title else 'text alone'}\n"
        )
        print(table(totals))
        print()
    for which, (n_rows, failed) in failures.items():
        print(f"{which} articles with no body found: {len(failed)} of {n_rows}" + (f" ({', '.join(failed)})" if failed else ""))
    if args.errors:
        for rid, c in readable.items():
            errs = c["_errors"]
            if not any(errs.values()):
                continue
            print(f"\n## {rid}")
            for s in errs["kept"]:
                print(f"  * kept     {s!r}")
            for s in errs["missed"]:
                print(f"  - missed   {s!r}")
            for s in errs["spurious"]:
                print(f"  + spurious {s!r}")
            for s in errs["bad_keypoints"]:
                print(f"  ! keypoint {s!r}")


if __name__ == "__main__":
    main()
