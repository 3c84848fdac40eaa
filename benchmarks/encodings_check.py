"""Every raw-encodings file of the dev corpus must decode to clean NFC Vietnamese.

Clean means: Unicode NFC, no replacement characters, no mojibake sequences
("Ã", "Æ°", "á»", "Ä‘"), no control or zero-width characters, no combining
marks left over from NFD. Reported per file with the notes vnsum attached.

    python benchmarks/encodings_check.py [--corpus ../shared/corpus/raw-encodings]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnsum.reading.source import read_path
from vnsum.text import clean_text

DEFAULT = ROOT.parent / "shared" / "corpus" / "raw-encodings"
BAD = {
    "replacement character": re.compile("\ufffd"),
    "mojibake": re.compile("Ã|Æ°|á»|áº|Ä‘|Ä\u0091|Â»"),
    "control character": re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"),
    "zero-width character": re.compile("[\u200b-\u200d\u2060\ufeff]"),
    "combining mark": re.compile("[\u0300-\u036f]"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--write", action="store_true", help="also store the output in benchmarks/RESULTS.md")
    args = ap.parse_args()
    from _results import run_and_record

    run_and_record("encodings", "## Raw encodings (`benchmarks/encodings_check.py`)", __file__, _run, args)


def _run(args: argparse.Namespace) -> None:
    print("| file | NFC | problems left | vnsum notes |\n|---|---|---|---|")
    clean = 0
    files = sorted(p for p in args.corpus.iterdir() if p.suffix == ".txt")
    for path in files:
        src = read_path(path)
        text = clean_text(src.text)
        problems = [f"{name} x{len(rx.findall(text))}" for name, rx in BAD.items() if rx.search(text)]
        nfc = unicodedata.is_normalized("NFC", text)
        clean += nfc and not problems
        print(f"| {path.name} | {'yes' if nfc else 'NO'} | {', '.join(problems) or 'none'} | {'; '.join(src.notes) or '-'} |")
    print(f"\n{clean}/{len(files)} files decode to clean NFC Vietnamese")


if __name__ == "__main__":
    main()
