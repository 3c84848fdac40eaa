"""Development data for the digest benchmarks, read from the datasets' git mirrors (no corpus
text is stored in this repository).

Only the development parts are ever opened, by explicit file name (nothing reserved is listed
and read): KTLab (lupanh/VietnameseMDS) clusters 1-100, News-MDS
(Phenikaa-University/Vietnamese-News-Summarization) Cluster_001-050, VietNews
(ThanhChinhBK/vietnews) test and val files 000001-005000.

The split, fixed before anything was tuned:

* KTLab 1-50 and News-MDS 001-025 and VietNews test 000001-002500: ``tune``;
* KTLab 51-100 and News-MDS 026-050 and VietNews test 002501-005000: ``held`` (not looked at
  while tuning; scored once at the end).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MIRRORS = Path(os.environ.get("VNSUM_MIRRORS", "/work/.mirror"))
KTLAB = MIRRORS / "lupanh+VietnameseMDS/repo"
NEWSMDS = MIRRORS / "Phenikaa-University+Vietnamese-News-Summarization/repo"
VIETNEWS = MIRRORS / "ThanhChinhBK+vietnews/repo"

SPLITS = {
    "tune": {"ktlab": range(1, 51), "newsmds": range(1, 26), "vietnews": range(1, 2501)},
    "held": {"ktlab": range(51, 101), "newsmds": range(26, 51), "vietnews": range(2501, 5001)},
}
#: Never opened: the evaluators' clusters and files.
RESERVED = {"ktlab": range(101, 201), "newsmds": range(51, 101), "vietnews": range(12001, 22645)}


@dataclass
class Doc:
    id: str
    cluster: str
    url: str | None
    title: str
    text: str
    date: str | None = None
    outlet: str | None = None


@dataclass
class Cluster:
    id: str
    docs: list[Doc]
    references: list[str] = field(default_factory=list)


def _allowed(dataset: str, number: int) -> None:
    if number in RESERVED[dataset]:
        raise SystemExit(f"refusing to open reserved {dataset} item {number}")


def _git_blobs(repo: Path, paths: list[str]) -> dict[str, bytes]:
    """The files at HEAD, read with one ``git cat-file --batch`` (missing paths are left out)."""
    if not paths:
        return {}
    proc = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        input="".join(f"HEAD:{p}\n" for p in paths).encode(),
        capture_output=True,
        check=True,
    )
    out, pos = {}, 0
    data = proc.stdout
    for p in paths:
        nl = data.index(b"\n", pos)
        header = data[pos:nl].split()
        pos = nl + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        out[p] = data[pos : pos + size]
        pos += size + 1
    return out


def _untok(text: str) -> str:
    return text.replace("_", " ")


def ktlab(numbers: range) -> list[Cluster]:
    blob = _git_blobs(KTLAB, ["KTLAB-200document-clusters.zip"])["KTLAB-200document-clusters.zip"]
    z = zipfile.ZipFile(io.BytesIO(blob))
    wanted = set()
    for n in numbers:
        _allowed("ktlab", n)
        wanted.add(n)
    files: dict[int, dict[str, str]] = {}
    for name in z.namelist():
        m = re.match(r"clusters/cluster_(\d+)/([^/]+)$", name)
        if not m or int(m.group(1)) not in wanted:
            continue
        files.setdefault(int(m.group(1)), {})[m.group(2)] = z.read(name).decode("utf-8", "replace")
    clusters = []
    for n in sorted(files):
        fs = files[n]
        docs = []
        for fname in sorted(f for f in fs if f.endswith(".body.txt")):
            doc_id = fname.split(".")[0]
            info = fs.get(f"{doc_id}.info.txt", "")
            meta = dict(re.findall(r"^([A-Z ]+): ?(.*)$", info, re.M))
            link = meta.get("LINK", "")
            outlet = re.search(r"baomoi\.com/Home/[^/]+/([^/]+)/", link)
            host = outlet.group(1) if outlet else None
            url = f"http://{host}/{doc_id}" if host else None
            docs.append(
                Doc(f"k{n}/{doc_id}", f"k{n}", url, _untok(meta.get("TITLE", "")).strip(), fs[fname], meta.get("TIME"), host)
            )
        refs = [fs[f"cluster_{n}.ref{r}.txt"] for r in (1, 2) if f"cluster_{n}.ref{r}.txt" in fs]
        clusters.append(Cluster(f"k{n}", docs, refs))
    return clusters


def newsmds(numbers: range) -> list[Cluster]:
    listing = subprocess.run(
        ["git", "-C", str(NEWSMDS), "ls-tree", "-r", "--name-only", "HEAD", "dataset/raw/News-mds/"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    clusters = []
    for n in numbers:
        _allowed("newsmds", n)
        prefix = f"dataset/raw/News-mds/original/Cluster_{n:03d}/original/"
        docs_paths = sorted(
            (p for p in listing if p.startswith(prefix)), key=lambda p: int(re.sub(r"\D", "", p.rsplit("/", 1)[1]) or 0)
        )
        ref_paths = [f"dataset/raw/News-mds/summary/Cluster_{n:03d}/{r}.gold.txt" for r in (0, 1)]
        blobs = _git_blobs(NEWSMDS, docs_paths + ref_paths)
        docs = []
        for p in docs_paths:
            raw = blobs[p].decode("utf-8", "replace")
            meta = dict(re.findall(r"^(Title|Source|Link|Published Date|Summary): ?(.*)$", raw, re.M))
            content = raw.split("Content:", 1)[1] if "Content:" in raw else raw
            title = re.sub(r"\s+-\s+[^-]+$", "", meta.get("Title", "")).strip()
            docs.append(
                Doc(f"n{n}/{p.rsplit('/', 1)[1]}", f"n{n}", meta.get("Link"), title, content.strip(), meta.get("Published Date"))
            )
        refs = [blobs[p].decode("utf-8", "replace") for p in ref_paths if p in blobs]
        clusters.append(Cluster(f"n{n}", docs, refs))
    return clusters


def vietnews(numbers: range, split: str = "test") -> list[Doc]:
    paths = []
    for n in numbers:
        if split == "test":
            _allowed("vietnews", n)
        if n > 5000:
            raise SystemExit("only VietNews files 000001-005000 are used")
        paths.append(f"data/{split}_tokenized/{n:06d}.txt.seg")
    blobs = _git_blobs(VIETNEWS, paths)
    docs = []
    for p in paths:
        if p not in blobs:
            continue
        parts = _untok(blobs[p].decode("utf-8", "replace")).split("\n\n")
        title = parts[0].strip()
        body = "\n\n".join(parts[1:]).strip()
        ident = f"v{split[0]}{p.rsplit('/', 1)[1].split('.')[0]}"
        docs.append(Doc(ident, ident, None, title, body))
    return docs
