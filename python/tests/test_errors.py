"""Bad input raises GlossError with the CLI's own sentence, and never crashes the
interpreter: every case of the CLI's catalogue of malformed inputs (tests/fixtures/malformed)
that ``gloss extract`` or ``gloss validate`` reads, and texts that are binary, oversized or
not UTF-8."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import List

import pytest

import gloss

from conftest import FIXTURES, cli_error, run_cli

MALFORMED = FIXTURES / "malformed"


def _cases() -> List[Path]:
    out = []
    for case in sorted(MALFORMED.glob("*.toml")):
        spec = tomllib.loads(case.read_text(encoding="utf-8"))
        if spec["args"] in (["extract"], ["validate"]) and not any(a.startswith("..") for a in spec.get("extra", [])):
            out.append(case)
    return out


def _input(case: Path, tmp: Path) -> Path:
    """The case's input (grown into a temporary file when the case says so)."""
    spec = tomllib.loads(case.read_text(encoding="utf-8"))
    found = [p for p in MALFORMED.iterdir() if p.name.split(".")[0] == case.stem and p != case]
    assert len(found) == 1, found
    src = found[0]
    grow = spec.get("grow_to")
    if not grow:
        return src
    dst = tmp / src.name
    chunk = src.read_bytes()
    with open(dst, "wb") as f:
        written = 0
        while written < grow:
            f.write(chunk)
            written += len(chunk)
    return dst


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.stem)
def test_each_catalogue_case_gets_the_clis_sentence(cli, case: Path, tmp_path: Path) -> None:
    spec = tomllib.loads(case.read_text(encoding="utf-8"))
    path = _input(case, tmp_path)
    extra = spec.get("extra", [])
    expected = cli_error(run_cli(cli, [*spec["args"], str(path), *extra]))
    assert spec["message"] in expected
    fmt = extra[1] if extra[:1] == ["--from"] else None
    if spec["args"] == ["extract"] and path.suffix == ".jsonl":
        _same_as_json_lines(path, expected)
        return
    with pytest.raises(gloss.GlossError) as e:
        if spec["args"] == ["extract"]:
            gloss.extract_file(path)
        else:
            gloss.validate(path, fmt)
    assert str(e.value) == expected


def _same_as_json_lines(path: Path, expected: str) -> None:
    """JSON Lines: the package returns every bad line where the CLI stops at the first, or
    sums up the skipped ones after it ("...; and 1 more documents skipped: ...")."""
    try:
        docs, bad = gloss.extract_jsonl(path)
    except gloss.GlossError as e:
        assert str(e) == expected
        return
    assert docs == [] and bad, "the CLI refused every line"
    first = str(bad[0][2])
    assert expected == first or expected.startswith(first + "; and "), (expected, first)


def test_texts_get_the_sentences_of_json_lines_texts(cli, tmp_path: Path) -> None:
    # The CLI refuses such texts in a JSON Lines file with the library's sentence, after the
    # line's number and id; the package raises the same sentence.
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id":"b","text":"a\\u0000b"}\n{"id":"ok","text":"Paris said so."}\n', encoding="utf-8")
    proc = run_cli(cli, ["extract", str(lines)])
    assert proc.returncode == 0
    with pytest.raises(gloss.GlossError) as e:
        gloss.extract("a\x00b")
    assert e.value.kind == "input" and e.value.source is None
    assert f"{lines}: line 1 (b): {e.value.reason}: document skipped" in proc.stderr
    with pytest.raises(gloss.GlossError, match=r"^this text is 8\.0 MB; Gloss opens texts of up to 8 MB"):
        gloss.extract("a" * (8 * 1024 * 1024 + 1))
    with pytest.raises(gloss.GlossError, match="not a date of the form YYYY-MM-DD"):
        gloss.extract("Paris said so.", "19/09/2025")


def test_bytes_get_the_sentences_of_files(cli, tmp_path: Path) -> None:
    cases = {
        "latin1.txt": "caf\xe9 au lait".encode("latin-1"),
        "utf16.txt": "Paris said so on Friday.".encode("utf-16"),
        "nul.txt": b"Paris\nsaid\x00so",
        "big.txt": b"a" * (8 * 1024 * 1024 + 4),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        expected = cli_error(run_cli(cli, ["extract", str(path)]))
        with pytest.raises(gloss.GlossError) as e:
            gloss.extract(data)
        assert expected == f"{path}: {e.value.reason}", name
        with pytest.raises(gloss.GlossError) as e:
            gloss.extract_file(path)
        assert str(e.value) == expected


def test_odd_inputs_are_refused_or_read_never_crash() -> None:
    assert gloss.extract("")["annotations"] == []
    assert gloss.extract(" \n\t ")["text"] == " \n\t "
    assert gloss.extract(b"\xef\xbb\xbfParis said so.")["text"] == "Paris said so."
    with pytest.raises(gloss.GlossError, match="not UTF-8"):
        gloss.extract("lone \ud800 surrogate")
    with pytest.raises(gloss.GlossError, match="cannot open: no such file"):
        gloss.read("no/such/file.gold.json")
    with pytest.raises(gloss.GlossError, match="not a format"):
        gloss.write({"format": "gloss-gold"}, "nope")
    with pytest.raises(gloss.GlossError, match="document 1"):
        gloss.write({"format": "gloss-gold"}, "jsonl")
    for junk in ["{", "[]", "<x>", "{}\n{}", "\x01\x02\x03" * 5]:
        with pytest.raises(gloss.GlossError):
            gloss.read(junk)


def test_errors_pickle_with_their_reason() -> None:
    import pickle

    e = gloss.GlossError("the reason", "file.txt", "format")
    back = pickle.loads(pickle.dumps(e))
    assert (back.reason, back.source, back.kind, str(back)) == ("the reason", "file.txt", "format", "file.txt: the reason")
    assert isinstance(back, ValueError)
