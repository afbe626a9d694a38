"""Pre-annotation of a corpus of JSON Lines files, one file per task: serially, or on Dask
(``dask.bag`` on a ``distributed`` cluster, local or remote: only the scheduler address
changes).

Each input file ``<stem>.jsonl`` of lines ``{"id", "text", "dct"}`` (as ``gloss extract``
reads them) gives ``<out>/<stem>.gold.jsonl``, one gold object a line, byte for byte what
``gloss extract <stem>.jsonl`` prints for the lines it can use, and
``<out>/<stem>.errors.jsonl``, one line ``{"file", "line", "id", "kind", "error"}`` per line
that could not be used (not JSON, a binary or oversized text, a bad date...), so that nothing
is dropped silently and the batch goes on. A file that cannot be read at all (binary, over
128 MB) is one error line with ``"line": null``. Outputs are written to a temporary name and
renamed, so a task that is retried never leaves half a file.

Owns: the unit of work (:func:`annotate_file`) and how the files are spread over workers.
Must not: extract or check anything itself (``gloss`` does, in Rust, without the GIL).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _gloss
from ._errors import GlossError
from ._sources import ANNOTATED_CAP, read_bytes

PathLike = Union[str, "os.PathLike[str]"]


def _write(path: str, lines: Sequence[str]) -> None:
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    os.replace(tmp, path)


def _error_line(file: str, line: Optional[int], id: Optional[str], e: GlossError) -> str:
    record = {"file": file, "line": line, "id": id, "kind": e.kind, "error": str(e)}
    return json.dumps(record, ensure_ascii=False)


def annotate_file(
    path: PathLike,
    out_dir: PathLike,
    dct: Optional[str] = None,
    created: Optional[str] = None,
    lexicon: Optional[str] = None,
) -> Dict[str, Any]:
    """Annotates one JSON Lines file into ``out_dir`` (see the module's doc). ``dct`` is the
    date of lines that have none; ``created`` the time written in every document (give one
    for the whole batch, as one CLI run does); ``lexicon`` a project lexicon's JSON text,
    applied as ``gloss extract --lexicon`` applies it (a bad one is every line's error).
    Returns ``{"file", "documents", "errors"}``."""
    name = os.fspath(path)
    stem = _gloss.stem(name)
    out = os.fspath(out_dir)
    try:
        gold, bad = _gloss.extract_jsonl_json(read_bytes(name, ANNOTATED_CAP), name, dct, created, lexicon)
        errors = [_error_line(name, n, i, e) for n, i, e in bad]
    except GlossError as e:
        gold, errors = [], [_error_line(name, None, None, e)]
    _write(os.path.join(out, f"{stem}.gold.jsonl"), gold)
    _write(os.path.join(out, f"{stem}.errors.jsonl"), errors)
    return {"file": name, "documents": len(gold), "errors": len(errors)}


def _check_stems(paths: Sequence[PathLike]) -> List[str]:
    names = [os.fspath(p) for p in paths]
    seen: Dict[str, str] = {}
    for n in names:
        s = _gloss.stem(n).lower()
        if s in seen:
            raise GlossError(f"gives the same output name as {seen[s]}: rename one", n)
        seen[s] = n
    return names


def run_serial(
    paths: Sequence[PathLike],
    out_dir: PathLike,
    dct: Optional[str] = None,
    created: Optional[str] = None,
    lexicon: Any = None,
) -> List[Dict[str, Any]]:
    """Annotates every file in this process, one after the other (the reference for
    :func:`run_dask`). ``lexicon``: a project lexicon (path, JSON text or mapping)."""
    from . import _lexicon_json

    os.makedirs(out_dir, exist_ok=True)
    lex = _lexicon_json(lexicon)
    return [annotate_file(p, out_dir, dct, created, lex) for p in _check_stems(paths)]


def run_dask(
    paths: Sequence[PathLike],
    out_dir: PathLike,
    *,
    scheduler: Optional[str] = None,
    client: Any = None,
    workers: int = 2,
    dct: Optional[str] = None,
    created: Optional[str] = None,
    lexicon: Any = None,
) -> List[Dict[str, Any]]:
    """Annotates every file on Dask: a ``dask.bag`` of the paths, one partition each, mapped
    by :func:`annotate_file`.

    With ``client`` (a ``distributed.Client``) the tasks go to its cluster; with ``scheduler``
    (``tcp://host:8786``) they go to that cluster, whose workers must
    have ``gloss`` installed and see ``paths`` and ``out_dir`` (shared storage); without it a
    ``distributed.LocalCluster`` of ``workers`` processes of one thread each is started and
    closed. ``created`` defaults to one time for the whole batch. ``lexicon`` (a path, JSON
    text or mapping) is read once here and sent to every task. Returns each file's counts.
    """
    import dask.bag as db
    from distributed import Client, LocalCluster

    from . import _lexicon_json, now

    names = _check_stems(paths)
    os.makedirs(out_dir, exist_ok=True)
    created = created or now()
    bag = db.from_sequence(names, npartitions=max(1, len(names)))
    work = bag.map(annotate_file, os.fspath(out_dir), dct, created, _lexicon_json(lexicon))
    if client is not None:
        return list(client.compute(work).result())
    if scheduler:
        with Client(scheduler) as client:
            return list(client.compute(work).result())
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            return list(client.compute(work).result())
