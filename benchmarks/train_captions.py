"""Fit the caption model (``vnsum.text.captions``) on the fitting part of the structure gold set.

Each candidate is a short paragraph of its own (``vnsum.text.article.caption_candidates``); its
label is whether the gold set calls most of its characters non-body. Only the fitting part
(seen_old + fit of ``structure_gold/split.json``) is read: the unseen part's labels are never
opened here. Grouped 5-fold cross-validation (articles never straddle folds) compares the model
with the rules alone, then the model is fitted on the whole fitting part and its weights are
written to ``vnsum/text/caption_model.py`` (standardisation folded in as MEAN / SCALE).

    python benchmarks/train_captions.py [--corpus PATH] [--write] [--c 1.0]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from structure_eval import DEFAULT_CORPUS, FITTING, Aligner, load_corpus, load_gold

from vnsum.text.article import caption_candidates
from vnsum.text.captions import FEATURES, features


def dataset(corpus: Path = DEFAULT_CORPUS) -> tuple[list[list[float]], list[int], list[int], list[str], list[str]]:
    rows = load_corpus(corpus)
    x: list[list[float]] = []
    y: list[int] = []
    groups: list[int] = []
    rule: list[str] = []
    texts: list[str] = []
    for g, gold in enumerate(load_gold(FITTING)):
        row = rows[gold["id"]]
        text = row["text"]
        assert hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] == gold["sha1"]
        non_body = [False] * len(text)
        for s, e, _ in gold["non_body"]:
            for i in range(s, e):
                non_body[i] = True
        aligner = Aligner(text)
        for t, around, rule_kind in caption_candidates(f"{row['title']}\n{text}"):
            aligner.pos = 0
            span = aligner.find(t)
            if span is None:
                continue  # the title line itself, or text the cleaner changed beyond recognition
            chars = [i for i in range(*span) if not text[i].isspace()]
            label = int(sum(non_body[i] for i in chars) * 2 >= len(chars))
            x.append(features(t, around, rule_kind))
            y.append(label)
            groups.append(g)
            rule.append(rule_kind)
            texts.append(t)
    return x, y, groups, rule, texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--write", action="store_true", help="write vnsum/text/caption_model.py")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--weight", default=None, choices=[None, "balanced"], help="class weights")
    ap.add_argument("--show", action="store_true", help="print the cross-validation's errors")
    args = ap.parse_args()
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    x, y, groups, rule, texts = dataset(args.corpus)
    X = np.array(x)
    Y = np.array(y)
    assert X.shape[1] == len(FEATURES)
    print(f"fitting part: {len(set(groups))} articles, {len(Y)} candidate paragraphs, {int(Y.sum())} not body")
    rules_pred = np.array([r != "body" for r in rule], dtype=int)
    pred = np.zeros(len(Y))
    for train, test in GroupKFold(n_splits=5).split(X, Y, groups):
        mean, scale = X[train].mean(0), X[train].std(0) + 1e-9
        model = LogisticRegression(C=args.c, max_iter=2000, class_weight=args.weight)
        model.fit((X[train] - mean) / scale, Y[train])
        pred[test] = model.predict_proba((X[test] - mean) / scale)[:, 1]

    def report(name: str, p: np.ndarray) -> None:
        tp = int(((p == 1) & (Y == 1)).sum())
        fp = int(((p == 1) & (Y == 0)).sum())
        fn = int(((p == 0) & (Y == 1)).sum())
        print(f"{name}: errors {fp + fn} (body dropped {fp}, non-body kept {fn}), not-body found {tp} of {int(Y.sum())}")

    report("rules alone                 ", rules_pred)
    report(f"model, 5-fold CV, t={args.threshold:.2f}  ", (pred >= args.threshold).astype(int))
    unsure = (pred >= 0.3) & (pred < args.threshold)
    print(f"unsure band [0.30, {args.threshold:.2f}): {int(unsure.sum())} paragraphs, {int(Y[unsure].sum())} of them not body")
    if args.show:
        for i in np.argsort(-np.abs(pred - Y)):
            if (pred[i] >= args.threshold) != bool(Y[i]):
                print(f"  {'dropped' if Y[i] == 0 else 'kept   '} {pred[i]:.2f} [{rule[i]}] {texts[i][:110]}")
    mean, scale = X.mean(0), X.std(0) + 1e-9
    model = LogisticRegression(C=args.c, max_iter=2000, class_weight=args.weight)
    model.fit((X - mean) / scale, Y)
    weights = model.coef_[0]
    for n, w in sorted(zip(FEATURES, weights), key=lambda t: -abs(t[1]))[:10]:
        print(f"  {w:+.2f} {n}")
    if args.write:
        out = ROOT / "vnsum" / "text" / "caption_model.py"
        fmt = lambda v: "[" + ", ".join(f"{float(a):.6g}" for a in v) + "]"  # noqa: E731
        out.write_text(
            '"""Weights of the caption model (``vnsum.text.captions``), written by ``benchmarks/train_captions.py``\n'
            f'on the fitting part of the structure gold set ({len(set(groups))} articles, {len(Y)} candidates)."""\n\n'
            f"THRESHOLD = {args.threshold}\nUNSURE = 0.3\n"
            f"MEAN = {fmt(mean)}\nSCALE = {fmt(scale)}\nWEIGHTS = {fmt(weights)}\n"
            f"BIAS = {float(model.intercept_[0]):.6g}\n",
            encoding="utf-8",
        )
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
