"""``vnsum check --glossary`` with a large glossary: the time to load it and to check one record.

The glossary is generated (``--terms`` seeded random names of 2-3 syllables over a Vietnamese
syllable list, each with its unaccented rendering), so the script needs no corpus. Records:

* ``seed``: the test fixture article (tests/data/seed_binhduong.txt) as ``vi``, its words
  unaccented as ``en``: few glossary terms occur in it (a realistic record);
* ``dense``: ``--words`` words drawn from the same syllables, so that hundreds of terms occur
  (the worst case: a glossary of names over a text made of their syllables).

Run it on two checkouts in one sitting to compare (the machine is shared: only same-sitting
ratios count)::

    python benchmarks/bench_glossary.py [--terms 20000] [--words 800] [--repeat 3]
    PYTHONPATH=/path/to/old/checkout python benchmarks/bench_glossary.py --no-root ...
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SYLLABLES = [
    "an",
    "anh",
    "ba",
    "bao",
    "bình",
    "cao",
    "châu",
    "chí",
    "công",
    "cường",
    "dũng",
    "dương",
    "đà",
    "đình",
    "đông",
    "giang",
    "hà",
    "hải",
    "hạnh",
    "hiếu",
    "hòa",
    "hoàng",
    "hùng",
    "hưng",
    "khánh",
    "kiên",
    "lâm",
    "lan",
    "linh",
    "long",
    "mai",
    "minh",
    "nam",
    "nga",
    "ngọc",
    "nhân",
    "phong",
    "phú",
    "phúc",
    "quang",
    "quân",
    "sơn",
    "tâm",
    "tân",
    "thái",
    "thanh",
    "thành",
    "thảo",
    "thịnh",
    "thu",
    "trang",
    "trí",
    "trung",
    "tuấn",
    "tùng",
    "vân",
    "việt",
    "vinh",
    "xuân",
    "yên",
]


def unaccented(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def glossary_text(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    terms: set[str] = set()
    while len(terms) < n:
        terms.add(" ".join(rng.choice(SYLLABLES).capitalize() for _ in range(rng.choice((2, 2, 3)))))
    return "".join(f"{t}\t{unaccented(t)}\n" for t in sorted(terms))


def records(words: int, seed: int = 11) -> dict[str, dict[str, str]]:
    rng = random.Random(seed)
    article = (ROOT / "tests" / "data" / "seed_binhduong.txt").read_text(encoding="utf-8")
    soup = " ".join(w.capitalize() if i % 3 else w for i, w in enumerate(rng.choice(SYLLABLES) for _ in range(words)))
    return {
        "seed": {"vi": article, "en": unaccented(article)},
        "dense": {"vi": soup + ".", "en": unaccented(soup) + "."},
    }


def timed(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--terms", type=int, default=20_000)
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-root", action="store_true", help="import vnsum from PYTHONPATH, not this checkout")
    args = ap.parse_args()
    if not args.no_root:
        sys.path.insert(0, str(ROOT))
    from vnsum import checks

    print(f"vnsum from {Path(checks.__file__).resolve().parent.parent}; {args.terms} terms, median of {args.repeat}")
    text = glossary_text(args.terms)
    load, _ = timed(lambda: checks.build_lexicon(checks.parse_glossary(text)), 1)
    print(f"{'parse glossary + build lexicon':<34} {load:9.3f} s")
    for name, rec in records(args.words).items():

        def one(rec: dict[str, str] = rec) -> dict:
            # a fresh glossary each time: its per-text memo must not serve the second run
            lex = checks.build_lexicon(checks.parse_glossary(text))
            start = time.perf_counter()
            result = checks.check_record(rec, lex)
            one.elapsed = time.perf_counter() - start  # type: ignore[attr-defined]
            return result

        times = []
        for _ in range(args.repeat):
            result = one()
            times.append(one.elapsed)  # type: ignore[attr-defined]
        kinds = [p["kind"] for p in result["problems"]]  # type: ignore[index]
        print(
            f"{'check_record ' + name:<34} {statistics.median(times):9.3f} s   "
            f"{len(rec['vi'].split())} words, {kinds.count('glossary')} glossary problems, {len(kinds)} in all"
        )


if __name__ == "__main__":
    main()
