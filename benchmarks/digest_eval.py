"""The digest on development data: grouping (B-cubed, ARI), merged key points (ROUGE against
the human references beside three multi-document baselines), injected disagreements, and the
disagreements reported on untouched clusters (labelled by reading, in digest_labels.json).

Data: benchmarks/_digest_data.py (KTLab 1-100, News-MDS 001-050, VietNews 000001-005000 only;
``--split tune`` or ``--split held``). No model: key points come from vnsum's extractive
selector and the headline/summary are not generated.

    python benchmarks/digest_eval.py --split tune grouping
    python benchmarks/digest_eval.py --split held all
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _digest_data as data

from vnsum.stories import build_digest
from vnsum.stories.reports import from_text

LABELS = Path(__file__).resolve().parent / "digest_labels.json"


def reports(docs: list[data.Doc]) -> list:
    return [
        from_text(d.id, d.text, source=d.url or d.id, url=d.url, date=d.date, title=d.title, outlet_name=d.outlet) for d in docs
    ]


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for k in gold:
        by_pred.setdefault(pred[k], set()).add(k)
        by_gold.setdefault(gold[k], set()).add(k)
    p = r = 0.0
    for k in gold:
        both = len(by_pred[pred[k]] & by_gold[gold[k]])
        p += both / len(by_pred[pred[k]])
        r += both / len(by_gold[gold[k]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def ari(pred: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    keys = sorted(gold)
    return float(adjusted_rand_score([gold[k] for k in keys], [pred[k] for k in keys]))


def assignment(digest) -> tuple[dict[str, str], dict[str, str]]:
    """article -> story, and article -> story joined with its follow-ups."""
    story = {m.article: s.id for s in digest.stories for m in s.members}
    parent = {s.id: s.id for s in digest.stories}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for s in digest.stories:
        for other, _ in s.related:
            a, b = sorted((root(s.id), root(other)))
            parent[b] = a
    return story, {k: root(v) for k, v in story.items()}


def grouping(split: str, distractors: int) -> None:
    rng = random.Random(21)
    numbers = list(data.SPLITS[split]["vietnews"])
    noise = data.vietnews(sorted(rng.sample(numbers, distractors)))
    kt = data.ktlab(data.SPLITS[split]["ktlab"])
    docs = [d for c in kt for d in c.docs] + noise
    gold = {d.id: d.cluster for d in docs}
    t = time.perf_counter()
    dg = build_digest(reports(docs), disagreements=False)
    secs = time.perf_counter() - t
    story, joined = assignment(dg)
    p, r, f = bcubed(story, gold)
    print(
        f"| KTLab {split} ({len(kt)} clusters, {sum(len(c.docs) for c in kt)} articles) + {len(noise)} VietNews distractors "
        f"| {p:.4f} | {r:.4f} | {f:.4f} | {ari(story, gold):.4f} | {len(dg.stories)} | {secs:.1f} s |"
    )
    nm = data.newsmds(data.SPLITS[split]["newsmds"])
    docs = [d for c in nm for d in c.docs]
    gold = {d.id: d.cluster for d in docs}
    dg = build_digest(reports(docs), disagreements=False)
    story, joined = assignment(dg)
    p, r, f = bcubed(story, gold)
    print(
        f"| News-MDS {split} ({len(nm)} clusters, {len(docs)} articles), stories | {p:.4f} | {r:.4f} | {f:.4f} | {ari(story, gold):.4f} | {len(dg.stories)} | |"
    )
    p, r, f = bcubed(joined, gold)
    print(
        f"| News-MDS {split}, stories joined with their follow-ups | {p:.4f} | {r:.4f} | {f:.4f} | {ari(joined, gold):.4f} | {len(set(joined.values()))} | |"
    )


def _budget(sentences: list[str], budget: int) -> str:
    """Sentences in order until ``budget`` syllables, the last one cut: every system the same length."""
    out: list[str] = []
    for s in sentences:
        out += s.split()
        if len(out) >= budget:
            break
    return " ".join(out[:budget])


def _centroid(sentences: list[str], k: int) -> list[str]:
    """Centroid baseline: sentences by cosine to the tf-idf centroid of all, near-repeats skipped."""
    import numpy as np

    from vnsum.keypoints import content_tokens, overlap
    from vnsum.stories.group import vectors

    x = vectors(sentences)
    centre = np.asarray(x.mean(axis=0)).ravel()
    sims = x @ centre
    out: list[str] = []
    for i in sorted(range(len(sentences)), key=lambda i: (-sims[i], i)):
        words = set(content_tokens(sentences[i]))
        if any(overlap(words, set(content_tokens(o))) > 0.6 for o in out):
            continue
        out.append(sentences[i])
        if len(out) >= k:
            break
    return out


def points(split: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from keypoints_eval import sumy_pick

    from vnsum.evaluate import rouge
    from vnsum.stories.merge import merge_points

    for name, clusters in (
        ("KTLab", data.ktlab(data.SPLITS[split]["ktlab"])),
        ("News-MDS", data.newsmds(data.SPLITS[split]["newsmds"])),
    ):
        scores: dict[str, list[tuple[float, float]]] = {
            m: [] for m in ("vnsum merged key points", "lead of the longest", "LexRank (all sentences)", "centroid")
        }
        for c in clusters:
            refs = [r for r in c.references if r.strip()]
            if not refs:
                continue
            reps = reports(c.docs)
            budget = round(sum(len(r.split()) for r in refs) / len(refs))
            allsents = [s for r in reps for s in r.sentences]
            longest = max(reps, key=lambda r: sum(len(s) for s in r.sentences))
            picks = {
                "vnsum merged key points": [p.text_vi for p in merge_points(reps, 50)],
                "lead of the longest": list(longest.sentences),
                "LexRank (all sentences)": sumy_pick("lexrank", allsents, 40),
                "centroid": _centroid(allsents, 40),
            }
            for m, sents in picks.items():
                cand = _budget(sents, budget)
                rs = [rouge(ref, cand) for ref in refs]
                scores[m].append((sum(r["rouge1"] for r in rs) / len(rs), sum(r["rouge2"] for r in rs) / len(rs)))
        for m, vals in scores.items():
            r1 = sum(v[0] for v in vals) / len(vals)  # vnsum.evaluate.rouge gives percentages
            r2 = sum(v[1] for v in vals) / len(vals)
            print(f"| {name} {split} ({len(vals)} clusters) | {m} | {r1:.2f} | {r2:.2f} |")


#: A count: not part of a date, a time or a model's name ("Galaxy Note 3", "iPad 5", "G20").
_INT = re.compile(r"(?<![\w/.,:-])(\d{1,3})(?![\d/.,:%-])(?!\s*(?:giờ|h\b|phút))")
_DAYMONTH = re.compile(r"(?<![\d/])(\d{1,2})([/-])(\d{1,2})(?![\d])")
_WORDS = re.compile(r"[^\W\d_]+")


class _Names:
    """Runs of two to four capitalised words after a lowercase word or a comma ("Thủ tướng Manmohan
    Singh"): a regex's finditer, by hand because ``[A-ZÀ-Ỹ]`` also spans the accented lowercase
    letters (it took "sẽ áp" for a name)."""

    def finditer(self, s: str):
        ws = list(_WORDS.finditer(s))
        k = 0
        while k < len(ws):
            run = k
            while run < len(ws) and ws[run].group(0)[0].isupper() and (run == k or s[ws[run - 1].end() : ws[run].start()] == " "):
                run += 1
            gap = s[ws[k - 1].end() : ws[k].start()] if k else ""
            after_lower = k > 0 and gap in (" ", ", ") and ws[k - 1].group(0)[0].islower()
            if run - k >= 2 and after_lower:
                yield _Span(s, ws[k].start(), ws[min(run, k + 4) - 1].end())
            k = max(run, k + 1)


class _Span:
    def __init__(self, s: str, start: int, end: int) -> None:
        self.s, self._start, self._end = s, start, end

    def group(self, _: int = 0) -> str:
        return self.s[self._start : self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_NAME = _Names()


def _model(sentence: str, at: int) -> bool:
    """A number right after a capitalised word inside a sentence: part of a name ("Galaxy Note 3")."""
    before = _WORDS.findall(sentence[:at])
    return len(before) >= 2 and sentence[:at].endswith(before[-1] + " ") and any(c.isupper() for c in before[-1])


def _person_in_role(sentence: str, at: int, name: str) -> bool:
    """A person's name in a role: a title or office of the checks' tables among the three words
    before it ("Thủ tướng Ấn Độ Manmohan Singh", "ông Obama"), the name a family name and given
    names or foreign words, not a place of the tables ("Thị trưởng Nam Kinh" names a city)."""
    from vnsum.checks import default_lexicon
    from vnsum.text import is_vietnamese_syllable

    lex = default_lexicon()
    titles = lex.vi_person_titles | lex.vi_office_titles
    before = [w.lower() for w in _WORDS.findall(sentence[:at])][-5:]
    titled = any(
        tuple(before[k : k + n]) in titles for n in (1, 2, 3) for k in range(max(0, len(before) - n - 2), len(before) - n + 1)
    )
    parts = name.split()
    person = parts[0] in lex.vi_surnames or not any(is_vietnamese_syllable(w) for w in parts)
    return titled and person and name not in lex.vi_places and parts[0] not in lex.vi_places


FAKE_NAME = "Hoàng Minh Tuấn"
#: An injected value is one that another outlet states in its most similar sentence (cosine of
#: words at least this, values left out): the same fact told by two outlets, changed in one.
SAME_FACT = 0.3


def _inject(kind: str, reps: list, rng: random.Random):
    """(article index, sentence index, old sentence, new sentence, new value) for a value another
    article of the cluster states too, changed in one article; None when there is none."""
    from vnsum.stories.disagree import _bag, _cos

    options = []
    for ai, r in enumerate(reps):
        others = [s for k, o in enumerate(reps) if k != ai and o.outlet != r.outlet for s in o.sentences]
        if not others:
            continue
        bags = [_bag(o) for o in others]
        for si, s in enumerate(r.sentences):
            pattern = {"number": _INT, "date": _DAYMONTH, "name": _NAME}[kind]
            mine = _bag(s)
            sim, twin = max(((_cos(mine, b), o) for b, o in zip(bags, others)), default=(0.0, ""))
            if sim < SAME_FACT:
                continue
            for m in pattern.finditer(s):
                value = m.group(0)
                if not re.search(rf"(?<![\w.,/]){re.escape(value)}(?![\w/]|[.,]\d)", twin) or (
                    kind == "number" and (not 2 <= int(value) <= 999 or _model(s, m.start()))
                ):
                    continue
                if kind == "number":
                    new = str(int(value) + max(3, int(value) // 3))
                elif kind == "date":
                    day = int(m.group(1))
                    new = f"{day + 2 if day <= 26 else day - 3}{m.group(2)}{m.group(3)}"
                else:
                    if not _person_in_role(s, m.start(), value):
                        continue  # a person's name in a role: "Bộ trưởng Quốc phòng X", "ông X"; not a place or a body
                    new = FAKE_NAME
                options.append((ai, si, s, s[: m.start()] + new + s[m.end() :], new))
    return rng.choice(options) if options else None


def inject(split: str) -> None:
    from vnsum.stories.disagree import disagreements
    from vnsum.story import Report

    rng = random.Random(7)
    for name, clusters in (
        ("KTLab", data.ktlab(data.SPLITS[split]["ktlab"])),
        ("News-MDS", data.newsmds(data.SPLITS[split]["newsmds"])),
    ):
        for kind in ("number", "date", "name"):
            tried = found = 0
            for c in clusters:
                reps = reports(c.docs)
                if len({r.outlet for r in reps}) < 2 and name == "KTLab":
                    continue
                if name == "News-MDS":  # one outlet per cluster: give each article its own
                    reps = [Report(**{**r.__dict__, "outlet": r.id}) for r in reps]
                got = _inject(kind, reps, rng)
                if got is None:
                    continue
                ai, si, _old, new_s, new_v = got
                r = reps[ai]
                sents = list(r.sentences)
                sents[si] = new_s
                changed = [Report(**{**r.__dict__, "sentences": tuple(sents)}) if k == ai else o for k, o in enumerate(reps)]
                tried += 1
                ds = disagreements(changed)
                kinds = {"number": ("number", "amount", "percent"), "date": ("date",), "name": ("name",)}[kind]
                if any(d.kind in kinds and any(cl.article == r.id and new_v in cl.value for cl in d.claims) for d in ds):
                    found += 1
            print(f"| {name} {split} | changed {kind} | {tried} | {found} | {100 * found / max(1, tried):.0f}% |")


def found(split: str, show: bool) -> None:
    """Every disagreement reported on the untouched clusters, with its label from digest_labels.json."""
    from vnsum.stories.disagree import disagreements
    from vnsum.story import Report

    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    labels.pop("_about", None)
    counts: Counter[str] = Counter()
    stories = 0
    for name, clusters in (
        ("KTLab", data.ktlab(data.SPLITS[split]["ktlab"])),
        ("News-MDS", data.newsmds(data.SPLITS[split]["newsmds"])),
    ):
        for c in clusters:
            reps = reports(c.docs)
            if name == "News-MDS":
                reps = [Report(**{**r.__dict__, "outlet": r.id}) for r in reps]
            stories += 1
            for d in disagreements(reps):
                key = f"{c.id}|{d.kind}|" + "|".join(sorted(f"{cl.article}={cl.value}" for cl in d.claims))
                label = labels.get(key, "unlabelled")
                counts[label] += 1
                if show:
                    print(f"{key}\t{label}")
                    for cl in d.claims:
                        print(f"    {cl.outlet}: {cl.text_vi}")
    print(
        f"| {split} | {stories} clusters | {counts['real']} real | {counts['approximate']} approximate | {counts['false']} false | "
        f"{counts['unlabelled']} unlabelled | {counts['false'] / max(1, stories):.2f} false per story |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["grouping", "points", "inject", "found", "all"])
    ap.add_argument("--split", choices=["tune", "held"], default="tune")
    ap.add_argument("--distractors", type=int, default=300)
    ap.add_argument("--show", action="store_true", help="print each reported disagreement with its sentences (to label them)")
    args = ap.parse_args()
    if args.what in ("grouping", "all"):
        print("| set | B-cubed P | B-cubed R | B-cubed F1 | ARI | stories | time |\n|---|---|---|---|---|---|---|")
        grouping(args.split, args.distractors)
    if args.what in ("points", "all"):
        print("\n| clusters | method | ROUGE-1 F1 | ROUGE-2 F1 |\n|---|---|---|---|")
        points(args.split)
    if args.what in ("inject", "all"):
        print("\n| clusters | injected | tried | found | share |\n|---|---|---|---|---|")
        inject(args.split)
    if args.what in ("found", "all"):
        print("\n| split | stories | real | approximate | false | unlabelled | false per story |\n|---|---|---|---|---|---|---|")
        found(args.split, args.show)


if __name__ == "__main__":
    main()
