"""Key-point selection against the newspapers' own leads, with Lead-3, LexRank and TextRank.

For every article of the development corpus, each method picks K=3 sentences
from the article body (the same sentences, from vnsum's splitter, for every
method); ROUGE-1/2/L F1 are computed against ``reference_vi`` on lowercased
syllables with punctuation removed. LexRank and TextRank are sumy's.

    python benchmarks/keypoints_eval.py [--corpus ../shared/corpus/dev/articles.jsonl] [--k 3]

ROUGE is computed here (n-gram overlap and LCS, the standard definitions)
because the common ``rouge-score`` package tokenises only ASCII letters and so
drops most Vietnamese syllables.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnsum.keypoints import STOPWORDS, overlap, select, tokens
from vnsum.text import BODY, LEAD, parse_article

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
_WORD = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+", re.UNICODE)


def rouge_tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _ngrams(toks: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def _f1(match: int, cand: int, ref: int) -> float:
    if not match or not cand or not ref:
        return 0.0
    p, r = match / cand, match / ref
    return 2 * p * r / (p + r)


def rouge_n(cand: list[str], ref: list[str], n: int) -> float:
    c, r = _ngrams(cand, n), _ngrams(ref, n)
    return _f1(sum((c & r).values()), sum(c.values()), sum(r.values()))


def rouge_l(cand: list[str], ref: list[str]) -> float:
    if not cand or not ref:
        return 0.0
    prev = [0] * (len(ref) + 1)
    for a in cand:
        cur = [0]
        for j, b in enumerate(ref, 1):
            cur.append(prev[j - 1] + 1 if a == b else max(prev[j], cur[j - 1]))
        prev = cur
    return _f1(prev[-1], len(cand), len(ref))


class _SyllableTokenizer:
    """sumy tokenizer interface over vnsum's syllable tokens (sumy has no Vietnamese one)."""

    @staticmethod
    def to_words(text: str) -> list[str]:
        return tokens(text)

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [text]


def sumy_pick(method: str, sentences: list[str], k: int) -> list[str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    tok = _SyllableTokenizer()
    doc = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in sentences])])
    summarizer = LexRankSummarizer() if method == "lexrank" else TextRankSummarizer()
    summarizer.stop_words = STOPWORDS
    return [str(s) for s in summarizer(doc, k)]


def evaluate(corpus: Path, k: int, skip: frozenset[str] = frozenset()) -> dict:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["id"] not in skip]
    methods = ("vnsum", "lead3", "lexrank", "textrank")
    scores: dict[str, dict[str, list[list[float]]]] = {m: defaultdict(list) for m in methods}
    checks = {"redundant_pairs": 0, "non_body_picks": 0, "articles": 0}
    for row in rows:
        article = parse_article(f"{row['title']}\n{row['text']}")
        body = [s for _, _, s in article.body_sentences()]
        if not body:
            continue
        checks["articles"] += 1
        chosen = select(article, k)
        kinds = {p.index: p.kind for p in article.paragraphs}
        checks["non_body_picks"] += sum(kinds[c.paragraph] not in (LEAD, BODY) for c in chosen)
        words = [set(tokens(c.text)) for c in chosen]
        checks["redundant_pairs"] += sum(overlap(a, b) > 0.6 for i, a in enumerate(words) for b in words[i + 1 :])
        picks = {
            "vnsum": [c.text for c in chosen],
            "lead3": body[:k],
            "lexrank": sumy_pick("lexrank", body, k),
            "textrank": sumy_pick("textrank", body, k),
        }
        ref = rouge_tokens(row["reference_vi"])
        for m, sents in picks.items():
            cand = rouge_tokens(" ".join(sents))
            triple = [rouge_n(cand, ref, 1), rouge_n(cand, ref, 2), rouge_l(cand, ref)]
            scores[m]["all"].append(triple)
            scores[m][row["dataset"]].append(triple)
    return {"scores": scores, "checks": checks}


def table(result: dict) -> str:
    scores = result["scores"]
    datasets = ["all"] + sorted(k for k in scores["vnsum"] if k != "all")
    lines = ["| dataset (articles) | method | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 |", "|---|---|---|---|---|"]
    for ds in datasets:
        n = len(scores["vnsum"][ds])
        for m in scores:
            vals = scores[m][ds]
            avg = [100 * sum(v[i] for v in vals) / len(vals) for i in range(3)]
            lines.append(f"| {ds} ({n}) | {m} | {avg[0]:.2f} | {avg[1]:.2f} | {avg[2]:.2f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument(
        "--skip-unseen",
        action="store_true",
        help="leave out the unseen part of structure_gold/split.json (while working on the front end)",
    )
    ap.add_argument("--write", action="store_true", help="also store the output in benchmarks/RESULTS.md")
    args = ap.parse_args()
    from _results import run_and_record

    run_and_record(
        "keypoints", "## Key points vs Lead-3, LexRank, TextRank (`benchmarks/keypoints_eval.py`)", __file__, _run, args
    )


def _run(args: argparse.Namespace) -> None:
    skip: frozenset[str] = frozenset()
    if args.skip_unseen:
        split = json.loads((Path(__file__).resolve().parent / "structure_gold" / "split.json").read_text(encoding="utf-8"))
        skip = frozenset(split["unseen"])
    result = evaluate(args.corpus, args.k, skip)
    print(table(result))
    c = result["checks"]
    print(
        f"\narticles: {c['articles']}; selected pairs with unigram overlap > 0.6: {c['redundant_pairs']}; "
        f"picks that are not body sentences: {c['non_body_picks']}"
    )


if __name__ == "__main__":
    main()
