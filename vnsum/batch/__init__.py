"""``vnsum batch``: many articles in, one resumable JSONL file out.

``inputs`` turns the INPUT arguments into a stream of work items; ``journal`` is the
append-only, crash-safe output that makes a rerun skip what is already done.
"""
