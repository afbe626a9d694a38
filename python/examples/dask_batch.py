"""Pre-annotates a corpus of JSON Lines files on Dask and prints the throughput.

    python examples/dask_batch.py /tmp/corpus/*.jsonl --out /tmp/gold --workers 2
    python examples/dask_batch.py /data/*.jsonl --out /shared/gold --scheduler tcp://host:8786

Without ``--scheduler`` a ``distributed.LocalCluster`` of ``--workers`` processes (one thread
each) is started; with it the same tasks go to that cluster (its workers need ``gloss``
installed and must see the input and output paths). Each input gives
``<out>/<stem>.gold.jsonl`` and ``<out>/<stem>.errors.jsonl`` (gloss.batch says what they
hold). The time is that of the batch alone (with the workers' CPU time beside it, which tells
a busy machine from a batch that does not scale): the cluster is started, and every worker has
imported gloss (a task run on each), before the clock starts.

Owns: the command line of a batch run and its timing. Must not: annotate (gloss.batch does).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import List, Optional

import gloss
from gloss import batch


def _warm() -> str:
    """Run on each worker before timing: imports gloss and builds its pipeline."""
    gloss.extract("Paris said so on Friday.", "2025-09-19")
    return gloss.__name__


def _cpu() -> float:
    """The worker process's CPU time so far (user + system), in seconds."""
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(paths: List[str], out: Path, workers: int, scheduler: Optional[str], dct: Optional[str]) -> None:
    from distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        client.run(_warm)
        n = len(client.nthreads())
        size = sum(os.path.getsize(p) for p in paths)
        cpu0 = sum(client.run(_cpu).values())
        start = time.perf_counter()
        done = batch.run_dask(paths, out, client=client, dct=dct)
        secs = time.perf_counter() - start
        cpu = sum(client.run(_cpu).values()) - cpu0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    docs = sum(d["documents"] for d in done)
    errors = sum(d["errors"] for d in done)
    print(
        f"{docs} documents ({errors} errors) from {len(paths)} files, {size / 1e6:.1f} MB, on {n} worker(s): "
        f"{secs:.2f} s, {docs / secs:.0f} documents/s, {size / secs / 1e6:.2f} MB/s; "
        f"workers' CPU {cpu:.2f} s ({docs / cpu:.0f} documents per CPU second)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--workers", type=int, default=2, help="processes of a local cluster (default 2)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786")
    ap.add_argument("--dct", help="the date (YYYY-MM-DD) of lines that have none")
    a = ap.parse_args()
    timed(a.files, a.out, a.workers, a.scheduler, a.dct)


if __name__ == "__main__":
    main()
