"""Check HTML extraction on the saved news pages of the dev corpus.

For each page in ``corpus/html/index.jsonl``: the extracted title must equal the
page's headline, the body must contain the article's lead (the page's own
``og:description``), and no line of the body may be navigation text (the texts
of links inside <nav>, <header>, <footer> and menu elements of that page).

    python benchmarks/html_check.py [--corpus ../shared/corpus/html]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnsum.reading.source import read_path
from vnsum.text import BODY, LEAD, clean_text, parse_article

DEFAULT = ROOT.parent / "shared" / "corpus" / "html"
_NAV_XPATH = (
    "//nav//a | //header//a | //footer//a | //*[contains(@class,'menu')]//a | //*[contains(@class,'nav')]//a"
    " | //*[contains(@class,'breadcrumb')]//a | //*[contains(@class,'footer')]//a | //*[contains(@class,'header')]//a"
)


def nav_texts(html: str) -> set[str]:
    from lxml import html as lhtml

    tree = lhtml.fromstring(html)
    out = set()
    for a in tree.xpath(_NAV_XPATH):
        text = clean_text(re.sub(r"\s+", " ", a.text_content())).strip()
        if len(text) >= 4:
            out.add(text)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--write", action="store_true", help="also store the output in benchmarks/RESULTS.md")
    args = ap.parse_args()
    from _results import run_and_record

    run_and_record("html", "## HTML pages (`benchmarks/html_check.py`)", __file__, _run, args)


def _run(args: argparse.Namespace) -> None:
    rows = [json.loads(line) for line in (args.corpus / "index.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    print("| page | title equals headline | lead in body | navigation lines in body (of nav texts) | body paragraphs |")
    print("|---|---|---|---|---|")
    ok = 0
    for row in rows:
        path = args.corpus / row["file"]
        src = read_path(path)
        art = parse_article(src.text)
        body = [p.text for p in art.paragraphs if p.kind in (LEAD, BODY)]
        lead = clean_text(re.sub(r"^\(Dân trí\)\s*-\s*", "", row["description"]))
        lead_in = any(lead[:80] in b for b in body) or lead[:80] in " ".join(body)
        navs = nav_texts(path.read_text(encoding="utf-8", errors="replace"))
        nav_hits = [b for b in body if b in navs]
        title_ok = art.title == clean_text(row["title"])
        ok += title_ok and lead_in and not nav_hits
        print(
            f"| {row['file']} | {'yes' if title_ok else 'NO'} | {'yes' if lead_in else 'NO'} | {len(nav_hits)} (of {len(navs)}) | {len(body)} |"
        )
    print(f"\n{ok}/{len(rows)} pages pass all three checks")


if __name__ == "__main__":
    main()
