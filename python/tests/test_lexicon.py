"""A project lexicon (names, rejections, cue words) applied from Python equals ``gloss extract
--lexicon``, byte for byte, given as a path, a JSON text or a mapping, in one text, a batch and
JSON Lines; a bad lexicon is refused with the CLI's reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gloss

from conftest import run_cli

TEXT = (
    "Talks with zorblax went on 🙂.\r\nBamako said on Monday that the envoy had been arrested.\n"
    "The minister harrumphed that the talks had stalled again.\n"
)
LEXICON = {
    "format": "gloss-lexicon",
    "version": 1,
    "actors": {"zorblax": {"kind": "group", "canonical": "Zorblax Front", "accepted": 2}},
    "rejected": {"ACTOR": {"Bamako": 3}},
    "renamed": {},
    "dates": {},
    "cues": {"harrumphed": {"stance": "assert", "accepted": 1}},
}


def test_a_lexicon_applies_as_in_the_cli(cli, tmp_path: Path) -> None:
    text, lex = tmp_path / "talks.txt", tmp_path / "team.gloss-lexicon.json"
    text.write_bytes(TEXT.encode("utf-8"))
    lex.write_text(json.dumps(LEXICON), encoding="utf-8")
    proc = run_cli(cli, ["extract", str(text), "--dct", "2025-09-19", "--lexicon", str(lex)])
    assert proc.returncode == 0, proc.stderr
    created = json.loads(proc.stdout)["created"]
    for given in (lex, str(lex), json.dumps(LEXICON), LEXICON):
        assert gloss.extract_file(text, "2025-09-19", created=created, lexicon=given) == proc.stdout
    doc = json.loads(proc.stdout)
    learned = [a for a in doc["annotations"] if a["quote"] == "zorblax"]
    assert [(a["provenance"]["rule"], a["attributes"]["canonical"]) for a in learned] == [("lexicon", "Zorblax Front")]
    assert doc["text"][learned[0]["start"] : learned[0]["end"]] == "zorblax"
    assert not [a for a in doc["annotations"] if a["quote"] == "Bamako" and a["label"] == "ACTOR"]
    harrumphed = [a for a in doc["annotations"] if a["label"] == "CLAIM" and (a["attributes"]["cue"] or {}).get("text") == "harrumphed"]
    assert [(a["quote"], a["provenance"]["rule"]) for a in harrumphed] == [("the talks had stalled again", "lexicon")]
    plain = gloss.extract(TEXT, "2025-09-19", created=created)
    assert not [a for a in plain["annotations"] if a["quote"] == "zorblax"], "without it, the name is not found"


def test_batches_and_json_lines_take_it_too() -> None:
    when = "2026-01-01T00:00:00Z"
    one = gloss.extract(TEXT, "2025-09-19", id="a", created=when, lexicon=LEXICON)
    many = gloss.extract_many([("a", TEXT, "2025-09-19")], threads=2, created=when, lexicon=LEXICON)
    assert many == [one]
    line = json.dumps({"id": "a", "text": TEXT, "dct": "2025-09-19"}) + "\n"
    docs, bad = gloss.extract_jsonl(line, created=when, lexicon=LEXICON)
    assert (docs, bad) == ([one], [])


def test_a_bad_lexicon_is_refused_in_words(cli, tmp_path: Path) -> None:
    bad = dict(LEXICON, version=7)
    with pytest.raises(gloss.GlossError) as e:
        gloss.extract(TEXT, lexicon=bad)
    assert "version 7" in e.value.reason
    with pytest.raises(gloss.GlossError) as e:
        gloss.extract_many([TEXT], lexicon=json.dumps(bad))
    assert "version 7" in e.value.reason
    with pytest.raises(gloss.GlossError) as e:
        gloss.extract(TEXT, lexicon=tmp_path / "missing.json")
    assert "no such file" in e.value.reason
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    text = tmp_path / "talks.txt"
    text.write_text(TEXT, encoding="utf-8")
    proc = run_cli(cli, ["extract", str(text), "--lexicon", str(path)])
    assert proc.returncode != 0 and "version 7" in proc.stderr


def test_the_batch_takes_it_too(tmp_path: Path) -> None:
    from gloss import batch

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT, "dct": "2025-09-19"}) + "\n", encoding="utf-8")
    when = "2026-01-01T00:00:00Z"
    batch.run_serial([src], tmp_path / "out", created=when, lexicon=LEXICON)
    written = (tmp_path / "out" / "in.gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in written] == [gloss.extract(TEXT, "2025-09-19", id="a", created=when, lexicon=LEXICON)]
