"""Times gloss.extract_many on 1 and 2 threads (and the CLI's serial rate for reference is
`time gloss extract FILES > /dev/null`): how far releasing the GIL lets threads scale.

    python examples/thread_scaling.py /tmp/corpus/*.jsonl

Owns: that timing. Must not: be a test (timings are not asserted anywhere).
"""

from __future__ import annotations

import json
import sys
import time

import gloss


def main() -> None:
    records = [json.loads(line) for p in sys.argv[1:] for line in open(p, encoding="utf-8") if line.strip()]
    size = sum(len(r["text"].encode("utf-8")) for r in records)
    gloss.extract("Paris said so on Friday.")  # builds the pipeline before the clock starts
    for threads in (1, 2):
        start = time.perf_counter()
        docs = gloss.extract_many(records, threads=threads, errors="return")
        secs = time.perf_counter() - start
        print(f"{len(docs)} documents, {size / 1e6:.1f} MB of text, {threads} thread(s): {secs:.2f} s, {len(docs) / secs:.0f} documents/s")


if __name__ == "__main__":
    main()
