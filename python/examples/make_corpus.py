"""Makes a corpus of JSON Lines files for batch runs: articles made of the seed articles'
paragraphs, shuffled by a seeded random generator (the same corpus on every machine).

    python examples/make_corpus.py --articles 10000 --files 20 --out /tmp/corpus

Each line is ``{"id", "text", "dct"}`` as ``gloss extract`` reads it. ``--bad`` adds two bad
records to the first file (a line that is not JSON, and a text with NUL bytes), to show that
a batch reports them and goes on.

Owns: the corpus's making. Must not: annotate (gloss.batch and the CLI do).
"""

from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path
from typing import List, Optional

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DCTS: List[Optional[str]] = ["2025-09-19", "2025-09-20", "2025-09-22", None]


def paragraphs(seeds: Path) -> List[str]:
    """Every non-blank line of the seed articles, in file order."""
    out: List[str] = []
    for p in sorted(seeds.glob("*.txt")):
        out.extend(line.strip() for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def make(out: Path, articles: int, files: int, seed: int = 19, bad: bool = False, seeds: Path = SEEDS) -> List[Path]:
    """Writes ``articles`` articles over ``files`` files ``corpus-NNN.jsonl`` in ``out``."""
    rng = random.Random(seed)
    paras = paragraphs(seeds)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"corpus-{i:03d}.jsonl" for i in range(files)]
    handles = [open(p, "w", encoding="utf-8", newline="\n") for p in paths]
    try:
        for n in range(articles):
            text = "\n".join(rng.sample(paras, rng.randint(4, 12))) + "\n"
            record = {"id": f"a{n:05d}", "text": text, "dct": rng.choice(DCTS)}
            handles[n % files].write(json.dumps(record, ensure_ascii=False) + "\n")
        if bad:
            handles[0].write('{"id": "broken", "text": "not closed\n')
            handles[0].write(json.dumps({"id": "binary", "text": "a\u0000b", "dct": None}) + "\n")
    finally:
        for h in handles:
            h.close()
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--bad", action="store_true", help="add a line that is not JSON and a binary text")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    paths = make(a.out, a.articles, a.files, a.seed, a.bad)
    size = sum(os.path.getsize(p) for p in paths)
    print(f"{a.articles} articles in {len(paths)} files, {size / 1e6:.1f} MB, in {a.out}")


if __name__ == "__main__":
    main()
