"""Extraction from Python equals the CLI's, byte for byte: on each seed article (with its
DCT), on JSON Lines corpora, and from threads in parallel."""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import gloss
from gloss import batch

from conftest import REPO, SEED_TEXTS, run_cli, seed_dct

sys.path.insert(0, str(REPO / "python" / "examples"))
import make_corpus  # noqa: E402


@pytest.mark.parametrize("text", SEED_TEXTS, ids=lambda p: p.stem)
def test_each_seed_extracts_to_the_clis_bytes(cli, text: Path) -> None:
    dct = seed_dct(text)
    proc = run_cli(cli, ["extract", str(text)] + (["--dct", dct] if dct else []))
    assert proc.returncode == 0, proc.stderr
    created = json.loads(proc.stdout)["created"]
    assert gloss.extract_file(text, dct, created=created) == proc.stdout
    raw = text.read_text(encoding="utf-8")
    assert gloss.extract_json(raw, dct, id=text.stem, created=created) == proc.stdout
    doc = gloss.extract(raw, dct, id=text.stem, created=created)
    assert doc == json.loads(proc.stdout)
    assert len(doc["annotations"]) > 10
    for a in doc["annotations"]:
        assert doc["text"][a["start"] : a["end"]] == a["quote"], a


def test_a_dateline_gives_the_dct_as_in_the_cli(cli, tmp_path: Path) -> None:
    text = tmp_path / "wire.txt"
    text.write_text("Talks resume\nPARIS, Sept. 19, 2025 (Reuters) - France said last Sunday that talks would go on.\n", encoding="utf-8")
    proc = run_cli(cli, ["extract", str(text)])
    assert proc.returncode == 0, proc.stderr
    assert "read from the dateline" in proc.stderr
    out = json.loads(proc.stdout)
    assert out["dct"] == "2025-09-19"
    assert gloss.extract_file(text, None, created=out["created"]) == proc.stdout
    assert any(a["quote"] == "last Sunday" and a["attributes"]["value"] == "2025-09-14" for a in out["annotations"])


def test_json_lines_equal_the_clis_lines(cli, tmp_path: Path) -> None:
    (path,) = make_corpus.make(tmp_path / "in", articles=25, files=1, seed=3)
    proc = run_cli(cli, ["extract", str(path), "--dct", "2025-09-01"])
    assert proc.returncode == 0, proc.stderr
    created = json.loads(proc.stdout.splitlines()[0])["created"]
    summary = batch.annotate_file(path, tmp_path, "2025-09-01", created)
    assert summary == {"file": str(path), "documents": 25, "errors": 0}
    assert (tmp_path / "corpus-000.gold.jsonl").read_text(encoding="utf-8") == proc.stdout
    assert (tmp_path / "corpus-000.errors.jsonl").read_text(encoding="utf-8") == ""


def _records(n: int):
    paras = make_corpus.paragraphs(REPO / "seeds")
    return [{"id": f"r{i}", "text": "\n".join(paras[i % len(paras) : i % len(paras) + 5]), "dct": "2025-09-19"} for i in range(n)]


def test_threads_in_parallel_give_the_serial_results() -> None:
    records = _records(48)
    when = "2026-01-01T00:00:00Z"
    serial = [gloss.extract(r["text"], r["dct"], id=r["id"], created=when) for r in records]
    assert gloss.extract_many(records, threads=4, created=when) == serial
    assert gloss.extract_many(records, threads=1, created=when, chunk=7) == serial
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda r: gloss.extract(r["text"], r["dct"], id=r["id"], created=when), records))
    assert threaded == serial
    assert sum(len(d["annotations"]) for d in serial) > 100


def test_a_bad_record_is_returned_in_its_place_or_raised() -> None:
    records = ["Paris said so on Friday.", b"a\x00b", ("x", "Mali denied it.", "2025-01-01")]
    out = gloss.extract_many(records, "2025-09-19", errors="return", created="2026-01-01T00:00:00Z")
    assert [d["id"] for d in (out[0], out[2])] == ["doc-1", "x"]
    assert isinstance(out[1], gloss.GlossError) and out[1].source == "doc-2"
    assert out[1].reason == "line 1, column 2: this file looks binary (it contains NUL bytes), not text"
    assert out[0]["dct"] == "2025-09-19" and out[2]["dct"] == "2025-01-01"
    with pytest.raises(gloss.GlossError, match="looks binary"):
        gloss.extract_many(records)


def test_the_gil_is_released_while_the_library_works() -> None:
    # The main thread counts while another extracts a long text, letting go of the GIL at
    # each count (sleep(0)) and never having it taken from it (a switch interval of 100 s).
    # Had the extension held the GIL, the count could not move between the two reads the other
    # thread makes around the call: checked by hand with re.match and sum in its place (0
    # every time), against 2,000 and more with time.sleep.
    import threading
    import time

    from gloss import _gloss

    text = "\n".join(make_corpus.paragraphs(REPO / "seeds")) * 20
    count = [0]
    seen = {}
    done = threading.Event()

    def work() -> None:
        seen["before"] = count[0]
        _gloss.extract_json(text, "2025-09-19", "long", "2026-01-01T00:00:00Z", None, True)
        seen["after"] = count[0]
        done.set()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(100)
    try:
        t = threading.Thread(target=work)
        t.start()
        while not done.is_set():
            count[0] += 1
            time.sleep(0)
        t.join()
    finally:
        sys.setswitchinterval(interval)
    assert seen["after"] > seen["before"]
