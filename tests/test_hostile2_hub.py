"""``models rm``: exact model match only, an error for an id that is not cached, and the conversion lock."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from vnsum import store
from vnsum.engines import ct2
from vnsum.errors import ModelUnavailable


@pytest.fixture
def caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "vnsum"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    return ct2.cache_root()


def _copy(root: Path, model_id: str, rev: str = "0123456789ab", quant: str = "int8", record: bool = True) -> Path:
    path = root / f"{ct2._slug(model_id)}--{rev}--{quant}"
    path.mkdir(parents=True)
    (path / "model.bin").write_bytes(b"x" * 100)
    meta: dict[str, object] = {"format": ct2.FORMAT_VERSION}
    if record:
        meta["model"] = model_id
    (path / ct2.MARKER).write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_rm_deletes_only_the_exact_model(caches: Path) -> None:
    mine = [_copy(caches, "org/sum"), _copy(caches, "org/sum", rev="abcdef012345", quant="float32")]
    others = [_copy(caches, "org/sum-extra"), _copy(caches, "org/tr"), _copy(caches, "org/sum/x")]
    assert store.remove("org/sum") > 0
    assert not any(p.exists() for p in mine)
    assert all(p.exists() for p in others)


def test_rm_of_a_prefix_is_not_a_match(caches: Path) -> None:
    others = [_copy(caches, "org/sum"), _copy(caches, "org/tr"), _copy(caches, "/tmp/model-a", record=False)]
    for prefix in ("org", "tmp", "/tmp"):
        with pytest.raises(ModelUnavailable, match=f"model {prefix} is not in the local cache"):
            store.remove(prefix)
    assert all(p.exists() for p in others)


def test_rm_of_an_uncached_id_names_it(caches: Path) -> None:
    with pytest.raises(ModelUnavailable, match="model org/none is not in the local cache"):
        store.remove("org/none")


def test_rm_checks_the_recorded_model_id(caches: Path) -> None:
    # Slugs keep only the last 80 characters: two long ids can share one; the marker tells them apart.
    long_a, long_b = "a/" + "x" * 90, "b/" + "x" * 90
    assert ct2._slug(long_a) == ct2._slug(long_b)
    other = _copy(caches, long_b)
    with pytest.raises(ModelUnavailable):
        store.remove(long_a)
    assert other.exists()


def test_rm_waits_for_the_conversion_lock(caches: Path) -> None:
    from filelock import FileLock

    path = _copy(caches, "org/sum")
    lock = FileLock(str(path) + ".lock")
    lock.acquire()
    done = threading.Event()

    def rm() -> None:
        store.remove("org/sum")
        done.set()

    t = threading.Thread(target=rm, daemon=True)
    t.start()
    time.sleep(0.5)
    assert not done.is_set() and path.exists()  # still converting: rm waits
    lock.release()
    t.join(10)
    assert done.is_set() and not path.exists()


# Recipe ranges (issue 10: num_beams = 1000000000 grew to 12.5 GB; nan/inf penalties were accepted).

_RECIPE = """name = "r"
[summarizer]
model = "org/sum"
{line}
[translator]
model = "org/tr"
"""


@pytest.mark.parametrize(
    "line",
    [
        "num_beams = 1000000000",
        "num_beams = 17",
        "num_beams = 0",
        "max_new_tokens = 1000000000",
        "min_new_tokens = 2049",
        "max_input_tokens = 8193",
        "max_batch_size = 257",
        "no_repeat_ngram_size = 11",
        "length_penalty = nan",
        "length_penalty = inf",
        "repetition_penalty = -inf",
        "repetition_penalty = 10.5",
        "length_penalty = -1",
        "[summarizer.length.short]\nmax_new_tokens = 100000",
    ],
)
def test_recipe_values_out_of_range_are_refused(line: str) -> None:
    from vnsum.errors import ExitCode, RecipeError
    from vnsum.recipes import RANGES, parse_recipe

    key = line.split("\n")[-1].split("=")[0].strip()
    with pytest.raises(RecipeError) as info:
        parse_recipe(_RECIPE.format(line=line), "r.toml")
    lo, hi = RANGES[key]
    assert key in str(info.value) and f"{lo:g} to {hi:g}" in str(info.value)
    assert info.value.exit_code == ExitCode.USAGE == 2


def test_recipe_values_at_the_range_ends_are_accepted() -> None:
    from vnsum.recipes import RANGES, parse_recipe

    for key, (lo, hi) in RANGES.items():
        for v in (lo, hi):
            parse_recipe(_RECIPE.format(line=f"{key} = {v}"), "r.toml")


# Chunked reduction (issue 10: part summaries as long as their input -> first chunk only, silently).


def _words(texts: list[str]) -> list[int]:
    return [len(t.split()) for t in texts]


def test_reduction_converges_and_names_what_is_dropped() -> None:
    from vnsum.chunk import reduce_chunks

    sentences = [f"câu số {i} có năm từ." for i in range(200)]  # 6 words each, 1200 in all
    calls: list[int] = []

    def echo(texts: list[str]) -> list[str]:  # a "summary" as long as its input: never shorter
        calls.append(len(texts))
        return list(texts)

    r = reduce_chunks(sentences, _words, 100, echo)
    assert len(calls) <= 4 and r.chunks > 1
    assert _words([r.text])[0] <= 100
    assert r.dropped and len(r.dropped) + len(r.text.split()) // 6 == 200
    assert all(s not in r.text for s in r.dropped)
    assert r.dropped == [s for s in sentences if s in r.dropped]  # article order


def test_reduction_that_shrinks_drops_nothing() -> None:
    from vnsum.chunk import reduce_chunks

    sentences = [f"câu số {i} có năm từ." for i in range(200)]
    r = reduce_chunks(sentences, _words, 100, lambda texts: [" ".join(t.split()[:5]) for t in texts])
    assert r.dropped == [] and r.rounds >= 1 and _words([r.text])[0] <= 100


def test_short_article_is_one_chunk() -> None:
    from vnsum.chunk import reduce_chunks

    r = reduce_chunks(["một câu.", "hai câu."], _words, 100, lambda t: pytest.fail("no parts to summarise"))
    assert (r.text, r.chunks, r.rounds, r.dropped) == ("một câu. hai câu.", 1, 0, [])
