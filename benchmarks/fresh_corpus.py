"""Build the fresh structure corpus: articles from outside the dev set, to label and score on.

The dev set's front-end rules were written on its own articles; these come from the same two
sources where the unseen part fails most (KTLab, News-MDS), outside the dev set and outside the
evaluators' reserved ranges, read from local snapshots of the source repositories:

- KTLab (``lupanh/VietnameseMDS``, ``KTLAB-200document-clusters.zip``): clusters 1-100 only
  (101-200 are reserved and never opened), ``<doc>.body.txt`` as is, title from ``<doc>.info.txt``;
- News-MDS (``Phenikaa-University/Vietnamese-News-Summarization``): ``Cluster_001``-``050`` only
  (051-100 reserved), VnExpress pages whose ``Summary:`` is the lead at the start of ``Content:``,
  the lead cut off (as the dev corpus was made).

Articles already in the dev set (by id or URL) are left out. The sample is fixed by sha256 of
``"vnsum-fresh-2026-12:" + id``; within each dataset, alternate articles in that order go to
"fresh_fit" (read while writing rules) and "fresh_check" (scored only). The text is written to
``benchmarks/.work/fresh/articles.jsonl`` (ignored by git: corpus text never enters the project);
``structure_gold/fresh/split.json`` keeps the ids.

    python benchmarks/fresh_corpus.py [--dev PATH] [--ktlab 48] [--newsmds 24] [--write-split]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
MIRROR = Path("/work/.mirror")
KTLAB_REPO = MIRROR / "lupanh+VietnameseMDS" / "repo"
NEWSMDS_REPO = MIRROR / "Phenikaa-University+Vietnamese-News-Summarization" / "repo"
OUT = ROOT / "benchmarks" / ".work" / "fresh" / "articles.jsonl"
SPLIT = ROOT / "benchmarks" / "structure_gold" / "fresh" / "split.json"
SALT = "vnsum-fresh-2026-12:"


def _git_show(repo: Path, path: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], check=True, capture_output=True).stdout


def _git_show_many(repo: Path, paths: list[str]) -> list[bytes]:
    """Many files of HEAD through one ``git cat-file --batch``."""
    query = "".join(f"HEAD:{p}\n" for p in paths).encode("utf-8")
    raw = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"], input=query, check=True, capture_output=True).stdout
    out, pos = [], 0
    for _ in paths:
        nl = raw.index(b"\n", pos)
        size = int(raw[pos:nl].split()[2])
        out.append(raw[nl + 1 : nl + 1 + size])
        pos = nl + 1 + size + 1
    return out


def _git_ls(repo: Path, path: str) -> list[str]:
    out = subprocess.run(["git", "-C", str(repo), "ls-tree", "--name-only", f"HEAD:{path}"], check=True, capture_output=True)
    return out.stdout.decode("utf-8").split()


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _deseg(s: str) -> str:
    """Undo word segmentation and tokeniser spacing in a title ('đối_lập' -> 'đối lập', ' ,' -> ',')."""
    s = s.replace("_", " ")
    s = re.sub(r"\s+([,.;:!?%)”’])", r"\1", s)
    s = re.sub(r"([(“‘])\s+", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def ktlab() -> list[dict]:
    data = _git_show(KTLAB_REPO, "KTLAB-200document-clusters.zip")
    zf = zipfile.ZipFile(io.BytesIO(data))
    out = []
    for name in sorted(zf.namelist()):
        m = re.fullmatch(r"clusters/cluster_(\d+)/(\d+)\.body\.txt", name)
        if not m or not 1 <= int(m[1]) <= 100:
            continue  # clusters 101-200 are reserved: never read
        info = zf.read(name.replace(".body.txt", ".info.txt")).decode("utf-8")
        fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
        out.append(
            {
                "id": f"ktlab-c{int(m[1]):03d}-{m[2]}",
                "dataset": "ktlab-mds",
                "title": _nfc(_deseg(fields.get("TITLE", ""))),
                "text": _nfc(zf.read(name).decode("utf-8")).strip(),
                "url": fields.get("LINK", "").strip() or None,
                "source": f"lupanh/VietnameseMDS:KTLAB-200document-clusters.zip!{name}",
            }
        )
    return out


def newsmds() -> list[dict]:
    base = "dataset/raw/News-mds/original"
    paths = []
    for cluster in _git_ls(NEWSMDS_REPO, base):
        m = re.fullmatch(r"Cluster_(\d+)", cluster)
        if not m or not 1 <= int(m[1]) <= 50:
            continue  # clusters 051-100 are reserved: never read
        paths += [(int(m[1]), f, f"{base}/{cluster}/original/{f}") for f in _git_ls(NEWSMDS_REPO, f"{base}/{cluster}/original")]
    out = []
    for (cluster_no, fname, path), data in zip(paths, _git_show_many(NEWSMDS_REPO, [p for _, _, p in paths]), strict=True):
        raw = _nfc(data.decode("utf-8", errors="replace"))
        head, _, content = raw.partition("Content:")
        fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        if fields.get("Source", "").strip() != "VnExpress":
            continue
        lead = re.sub(r"\s*-\s*VnExpress\.?\s*$", "", fields.get("Summary", "").strip())
        content = content.strip()
        if not lead or lead.endswith("...") or not content.startswith(lead):
            continue  # a search snippet, not the lead
        text = content[len(lead) :].strip()
        if len(text) < 300:
            continue
        out.append(
            {
                "id": f"newsmds-c{cluster_no:03d}-{fname.removesuffix('.txt')}",
                "dataset": "news-mds-2024",
                "title": fields.get("Title", "").strip(),
                "text": text,
                "url": fields.get("Link", "").strip() or None,
                "source": f"Phenikaa-University/Vietnamese-News-Summarization:{path}",
            }
        )
    return out


def _key(rid: str) -> str:
    return hashlib.sha256((SALT + rid).encode("utf-8")).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ktlab", type=int, default=48)
    ap.add_argument("--newsmds", type=int, default=24)
    ap.add_argument("--dev", type=Path, default=DEV, help="the dev corpus (its articles are left out)")
    ap.add_argument("--write-split", action="store_true", help="(re)write structure_gold/fresh/split.json")
    args = ap.parse_args()
    dev = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    dev_ids = {r["id"] for r in dev}
    dev_urls = {r["url"] for r in dev if r.get("url")}
    dev_titles = {r["title"] for r in dev}
    chosen: list[dict] = []
    split: dict[str, list[str]] = {"fresh_fit": [], "fresh_check": []}
    for rows, n in ((ktlab(), args.ktlab), (newsmds(), args.newsmds)):
        rows = [r for r in rows if r["id"] not in dev_ids and r["url"] not in dev_urls and r["title"] not in dev_titles]
        seen_text: set[str] = set()
        picked = []
        for r in sorted(rows, key=lambda r: _key(r["id"])):
            if r["text"][:200] in seen_text:
                continue  # the same story crawled twice
            seen_text.add(r["text"][:200])
            picked.append(r)
            if len(picked) == n:
                break
        for i, r in enumerate(picked):
            split["fresh_fit" if i % 2 == 0 else "fresh_check"].append(r["id"])
        chosen += picked
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    print(f"{len(chosen)} articles written to {OUT}")
    if args.write_split:
        SPLIT.parent.mkdir(parents=True, exist_ok=True)
        doc = (
            "Fresh structure gold split, fixed by benchmarks/fresh_corpus.py before any article was labelled or "
            "scored: KTLab clusters 1-100 and News-MDS Cluster_001-050, outside the dev set, ordered by sha256 of "
            f"'{SALT}'+id; alternate articles of each dataset go to fresh_fit (read while writing rules) and "
            "fresh_check (scored only, not read by whoever tunes the rules)."
        )
        SPLIT.write_text(json.dumps({"_doc": doc, **split}, indent=1) + "\n", encoding="utf-8")
        print(f"split written to {SPLIT}: " + ", ".join(f"{k} {len(v)}" for k, v in split.items()))


if __name__ == "__main__":
    main()
