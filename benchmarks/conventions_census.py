"""Count what the models were trained on: tone-mark placement and reference-summary lengths.

The figures cited in prompts/*.toml come from this script, run on the authors' repositories (git
directories, e.g. from ``git clone --bare``) and the dev corpus:

    python benchmarks/conventions_census.py --vietnews VIETNEWS_GIT --vit5 VIT5_GIT --dev ../shared/corpus/dev/articles.jsonl

It reads vietnews' train/val files and test files 000001-012000 only (012001-022644 are held out for
evaluation and never opened), and vietai/ViT5's data/phomt/test.vi (never data/tst/).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vnsum.text.clean import _NEW, _OLD  # the patterns vnsum itself rewrites

RESERVED = range(12001, 22645)


def blobs(repo: str, paths: list[str]) -> Iterator[str]:
    """File texts at HEAD through one ``git cat-file --batch`` (written from a thread: no pipe deadlock)."""
    p = subprocess.Popen(["git", "-C", repo, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert p.stdin is not None and p.stdout is not None
    stdin, stdout = p.stdin, p.stdout

    def feed() -> None:
        stdin.write("".join(f"HEAD:{x}\n" for x in paths).encode())
        stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    for _ in paths:
        size = int(stdout.readline().split()[2])
        yield stdout.read(size).decode("utf-8", "replace")
        stdout.read(1)
    p.wait()


def placements(text: str, counts: collections.Counter[str]) -> None:
    text = unicodedata.normalize("NFC", text.replace("_", " "))  # vietnews joins compound words with "_"
    counts["second vowel (oà)"] += len(_NEW.findall(text))
    counts["first vowel (òa)"] += len(_OLD.findall(text))


def syllables(text: str) -> int:
    """Syllables and punctuation marks (vietnews is tokenized: words joined by "_", punctuation apart)."""
    return sum(len(w.split("_")) for w in text.split())


def spaced(text: str) -> int:
    return len(re.findall(r"[^\W_]+|[^\w\s]", text))


def pct(values: list[int]) -> str:
    v = sorted(values)
    at = lambda f: v[int(f * (len(v) - 1))]  # noqa: E731
    return f"n={len(v)} p10 {at(0.1)} p50 {at(0.5)} p90 {at(0.9)} p99 {at(0.99)} max {v[-1]}"


def vietnews(repo: str, per_split: int) -> None:
    names = subprocess.run(
        ["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD", "data"], capture_output=True, text=True
    ).stdout.split()
    for split in ("train_tokenized", "val_tokenized", "test_tokenized"):
        paths = [n for n in names if f"/{split}/" in n]
        if split == "test_tokenized":
            paths = [n for n in paths if int(n.rsplit("/", 1)[1][:6]) not in RESERVED]
        paths = paths[:per_split]
        counts: collections.Counter[str] = collections.Counter()
        abstract, body = [], []
        for text in blobs(repo, paths):
            placements(text, counts)
            parts = text.split("\n\n")
            if len(parts) >= 3:
                abstract.append(syllables(parts[1]))
                body.append(syllables(" ".join(parts[2:])))
        print(f"vietnews {split} ({paths[0].rsplit('/', 1)[1][:6]}-{paths[-1].rsplit('/', 1)[1][:6]}): {dict(counts)}")
        print(f"  abstract length (syllables + punctuation): {pct(abstract)}")
        print(
            f"  body over 900: {sum(b > 900 for b in body) / len(body):.1%}, over 1024: {sum(b > 1024 for b in body) / len(body):.1%}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vietnews", help="git directory of ThanhChinhBK/vietnews")
    ap.add_argument("--vit5", help="git directory of vietai/ViT5 (for data/phomt/test.vi)")
    ap.add_argument("--dev", type=Path, help="the dev corpus (articles.jsonl): its leads' lengths")
    ap.add_argument("--per-split", type=int, default=3000)
    args = ap.parse_args()
    if args.vietnews:
        vietnews(args.vietnews, args.per_split)
    if args.vit5:
        counts: collections.Counter[str] = collections.Counter()
        for text in blobs(args.vit5, ["data/phomt/test.vi"]):
            placements(text, counts)
        print(f"PhoMT test.vi (vietai/ViT5): {dict(counts)}")
    if args.dev:
        rows = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
        leads = [spaced(r["reference_vi"]) for r in rows if r.get("reference_vi")]
        counts = collections.Counter()
        for r in rows:
            placements(r["text"], counts)
        print(f"dev leads length (syllables + punctuation): {pct(leads)}")
        print(f"dev articles' placement: {dict(counts)}")


if __name__ == "__main__":
    main()
