"""Every format from Python: each seed gold file written in each format equals what
``gloss convert --to FORMAT`` writes, byte for byte, and reads back as the formats promise
(docs/FORMATS.md): whole for the formats that keep everything, the spans they hold for CoNLL
and TimeML, with the losses named in a warning."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import pytest

import gloss

from conftest import SEED_GOLD, run_cli

WHOLE = ["gloss", "jsonl", "labelstudio", "doccano", "brat", "w3c", "spacy"]


def _written(doc: Dict[str, Any], fmt: str, tmp: Path) -> Tuple[Any, List[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = gloss.write(doc, fmt, tmp / "out" if fmt == "brat" else None)
    return out, [str(w.message) for w in caught]


def _spans(doc: Dict[str, Any], labels: Set[str]) -> Set[Tuple[str, int, int]]:
    return {(a["label"], a["start"], a["end"]) for a in doc["annotations"] if a["label"] in labels}


@pytest.mark.parametrize("fmt", gloss.FORMATS)
@pytest.mark.parametrize("path", SEED_GOLD, ids=lambda p: p.name[:3])
def test_each_format_writes_the_clis_bytes_and_reads_back(cli, path: Path, fmt: str, tmp_path: Path) -> None:
    (doc,) = gloss.read(path)
    assert doc == json.loads(path.read_text(encoding="utf-8"))
    out, losses = _written(doc, fmt, tmp_path)
    proc = run_cli(cli, ["convert", "--to", fmt, str(path)] + (["-o", str(tmp_path / "cli")] if fmt == "brat" else []))
    assert proc.returncode == 0, proc.stderr
    notes = [line[len("gloss: note: ") :] for line in proc.stderr.splitlines()]
    assert losses == notes
    if fmt == "brat":
        cli_files = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "cli").iterdir()}
        assert out == cli_files
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(cli_files)
        (back,) = gloss.read(tmp_path / "out")
    else:
        assert out == proc.stdout
        (back,) = gloss.read(out, fmt)
    if fmt in WHOLE:
        assert back == doc
        assert losses == []
        return
    assert (back["text"], back["id"], back["dct"]) == (doc["text"], doc["id"], doc["dct"])
    labels = {"DATE"} if fmt == "timeml" else {"ACTOR", "DATE", "CLAIM"}
    kept = _spans(back, labels)
    assert kept and kept <= _spans(doc, labels)
    assert losses, "a lossy format names what it loses"


def test_the_format_is_guessed_from_contents_and_names(tmp_path: Path) -> None:
    (doc,) = gloss.read(SEED_GOLD[0])
    for fmt in ["jsonl", "labelstudio", "doccano", "w3c", "spacy", "conll", "timeml"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = gloss.write(doc, fmt)
        assert isinstance(text, str)
        assert gloss.read(text)[0]["text"] == doc["text"], fmt
        assert gloss.read(text.encode("utf-8"))[0]["text"] == doc["text"], fmt
    several = gloss.write(gloss.read(SEED_GOLD[0]) + gloss.read(SEED_GOLD[1]), "gloss", tmp_path / "golds")
    assert isinstance(several, dict) and len(several) == 2
    assert [d["id"] for d in gloss.read(tmp_path / "golds")] == [p.name.split(".")[0] for p in SEED_GOLD[:2]]


def test_validate_reports_counts_and_warnings_as_the_cli(cli) -> None:
    for path in SEED_GOLD:
        (row,) = gloss.validate(path)
        proc = run_cli(cli, ["validate", str(path)])
        first = proc.stdout.splitlines()[0]
        n = row["annotations"]
        assert first.startswith(f"{path}: ok, {n} annotation")
        assert ("(gold)" in first) == (row["predicted"] == 0)
        assert [line.split(": warning: ", 1)[1] for line in proc.stdout.splitlines()[1:]] == row["warnings"]
        assert gloss.validate(gloss.read(path)) == [row]
