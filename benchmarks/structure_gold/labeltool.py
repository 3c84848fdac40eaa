"""Label dev articles by hand for the structure gold set, without storing their text.

    python benchmarks/structure_gold/labeltool.py draft ID [ID ...] --out DIR [--corpus PATH]
    python benchmarks/structure_gold/labeltool.py build DIR --to benchmarks/structure_gold/NAME.jsonl [--corpus PATH]

``draft`` writes ``DIR/ID.txt`` (put DIR under ``benchmarks/.work/``, which git ignores): one
segment a line as ``KIND<TAB>text``, every segment cut naively (each line of the article, then at
". " before a capital letter). It knows nothing of vnsum's rules, so the labeller's reading, not
the program's, decides: change the kind, split or join lines, never edit the text itself
(whitespace aside). Kinds: ``body`` (one body sentence a line) or one of the non-body kinds of
``structure-conventions.md`` (caption, credit, byline, source_line, related_links, furniture,
subheading, agency_tag, title). Lines starting with ``#`` are comments.

``build`` finds each segment in the article's text, in order (whitespace-insensitive), and
writes the gold records (offsets and a hash only, as ``validate.py`` checks). ``--corpus`` reads
another corpus than the dev set (the fresh articles of ``benchmarks/fresh_corpus.py``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate import CORPUS, KINDS, check, sha

_END = re.compile(r"[.!?…][\"”’)]?(?=\s)")


def _naive_cut(para: str) -> list[str]:
    """Cut after an end mark (and its closing quote) when the next word starts with a capital or a digit."""
    out, start = [], 0
    for m in _END.finditer(para):
        rest = para[m.end() :].lstrip()
        first = rest.lstrip('"“‘(')[:1]
        if first and (first.isupper() or first.isdigit()):
            out.append(para[start : m.end()])
            start = len(para) - len(rest)
    return [*out, para[start:]]


def _texts(corpus: Path = CORPUS) -> dict[str, dict]:
    out = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def draft(ids: list[str], out: Path, corpus: Path = CORPUS) -> None:
    texts = _texts(corpus)
    out.mkdir(parents=True, exist_ok=True)
    for art_id in ids:
        rec = texts[art_id]
        lines = [f"# {art_id} ({rec['dataset']}); title (not part of the text): {rec['title']}"]
        for para in rec["text"].split("\n"):
            if not para.strip():
                continue
            lines.append("#")
            lines.extend(f"body\t{seg.strip()}" for seg in _naive_cut(para.strip()) if seg.strip())
        (out / f"{art_id}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _find(text: str, seg: str, start: int) -> tuple[int, int] | None:
    """Span of ``seg`` in ``text`` at or after ``start``, whitespace-insensitive, stripped."""
    pattern = r"\s*".join(re.escape(ch) for ch in seg if not ch.isspace())
    m = re.compile(pattern).search(text, start)
    return (m.start(), m.end()) if m else None


def build(folder: Path, to: Path, corpus: Path = CORPUS) -> int:
    texts = _texts(corpus)
    records, bad = [], 0
    for path in sorted(folder.glob("*.txt")):
        art_id = path.stem
        text = texts[art_id]["text"]
        body, non_body, pos, errs = [], [], 0, []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, _, seg = line.partition("\t")
            kind = kind.strip()
            if kind != "body" and kind not in KINDS:
                errs.append(f"line {n}: unknown kind {kind!r}")
                continue
            span = _find(text, seg, pos)
            if span is None:
                errs.append(f"line {n}: text not found after offset {pos}: {seg[:40]!r}")
                continue
            if text[pos : span[0]].strip():
                errs.append(f"line {n}: skipped text before it: {text[pos : span[0]][:40]!r}")
            pos = span[1]
            (body.append(list(span)) if kind == "body" else non_body.append([*span, kind]))
        rec = {"id": art_id, "dataset": texts[art_id]["dataset"], "sha1": sha(text), "body": body, "non_body": non_body}
        errs += check(rec, text)
        if errs:
            bad += 1
            print(art_id, "; ".join(errs[:5]))
        records.append(rec)
    to.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} article(s) written to {to}, {bad} with problems")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draft")
    d.add_argument("ids", nargs="+")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--corpus", type=Path, default=CORPUS)
    b = sub.add_parser("build")
    b.add_argument("folder", type=Path)
    b.add_argument("--to", type=Path, required=True)
    b.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if args.cmd == "draft":
        draft(args.ids, args.out, args.corpus)
        return 0
    return build(args.folder, args.to, args.corpus)


if __name__ == "__main__":
    sys.exit(main())
