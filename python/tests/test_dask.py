"""Batch pre-annotation on Dask: a distributed.LocalCluster of 2 workers annotates a small
generated corpus (with bad records) to exactly the files a serial run writes, the bad
records reported with their line and id in the errors output, nothing dropped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from gloss import batch

from conftest import FIXTURES, REPO

sys.path.insert(0, str(REPO / "python" / "examples"))
import make_corpus  # noqa: E402

pytest.importorskip("distributed", reason="Dask's distributed scheduler is an optional extra")


def _files(d: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def test_a_local_cluster_of_two_workers_equals_a_serial_run(tmp_path: Path) -> None:
    paths = make_corpus.make(tmp_path / "in", articles=40, files=4, seed=7, bad=True)
    unreadable = tmp_path / "in" / "zz-binary.jsonl"
    unreadable.write_bytes((FIXTURES / "binary.png").read_bytes())
    paths.append(unreadable)
    when = "2026-01-01T00:00:00Z"
    on_dask = batch.run_dask(paths, tmp_path / "dask", workers=2, dct="2025-09-19", created=when)
    serial = batch.run_serial(paths, tmp_path / "serial", dct="2025-09-19", created=when)
    assert on_dask == serial
    assert sum(d["documents"] for d in serial) == 40
    assert [d["errors"] for d in serial] == [2, 0, 0, 0, 1]
    assert _files(tmp_path / "dask") == _files(tmp_path / "serial")
    assert len(_files(tmp_path / "dask")) == 10

    errors = [json.loads(line) for line in (tmp_path / "dask" / "corpus-000.errors.jsonl").read_text().splitlines()]
    assert [(e["line"], e["id"], e["kind"]) for e in errors] == [(11, None, "format"), (12, "binary", "input")]
    assert "not valid JSON" in errors[0]["error"] and "looks binary" in errors[1]["error"]
    (whole,) = [json.loads(line) for line in (tmp_path / "dask" / "zz-binary.errors.jsonl").read_text().splitlines()]
    assert whole["line"] is None and "looks binary" in whole["error"] and whole["file"] == str(unreadable)

    ids = [json.loads(line)["id"] for p in sorted((tmp_path / "dask").glob("*.gold.jsonl")) for line in p.read_text().splitlines()]
    assert sorted(ids) == [f"a{n:05d}" for n in range(40)]


def test_two_inputs_with_one_output_name_are_refused(tmp_path: Path) -> None:
    a = make_corpus.make(tmp_path / "a", articles=2, files=1)
    b = make_corpus.make(tmp_path / "b", articles=2, files=1)
    with pytest.raises(batch.GlossError, match="same output name"):
        batch.run_serial(a + b, tmp_path / "out")
