"""Documents as a pandas DataFrame (one row per annotation, code-point offsets that index the
text as Python does) and as spaCy spans (skipped, with the reason, when spaCy is absent)."""

from __future__ import annotations

import importlib.util

import pytest

import gloss

from conftest import SEED_GOLD


def test_one_row_per_annotation_with_offsets_that_index_the_text() -> None:
    pytest.importorskip("pandas", reason="pandas is an optional extra")
    docs = gloss.read(SEED_GOLD[0]) + gloss.read(SEED_GOLD[1])
    frame = gloss.to_dataframe(docs)
    assert len(frame) == sum(len(d["annotations"]) for d in docs)
    assert list(frame.columns[:7]) == ["doc_id", "id", "label", "start", "end", "quote", "status"]
    assert {"attributes.kind", "attributes.value", "attributes.cue.start"} <= set(frame.columns)
    texts = {d["id"]: d["text"] for d in docs}
    for row in frame.itertuples(index=False):
        assert texts[row.doc_id][row.start : row.end] == row.quote
    dates = frame[frame.label == "DATE"]
    assert dates["attributes.value"].notna().all()
    assert gloss.to_dataframe({"id": "x", "text": "", "annotations": []}).empty


def test_a_missing_library_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"pip install pandas \(or the gloss\[pandas\] extra\)"):
        gloss.to_dataframe(gloss.read(SEED_GOLD[0]))


@pytest.mark.skipif(importlib.util.find_spec("spacy") is None, reason="spaCy is an optional extra, not installed here")
def test_annotations_become_spacy_spans() -> None:
    import spacy

    (doc,) = gloss.read(SEED_GOLD[0])
    sdoc = gloss.to_spacy(doc, spacy.blank("en"))
    spans = sdoc.spans["gloss"]
    assert len(spans) == len(doc["annotations"])
    for span, a in zip(spans, doc["annotations"]):
        assert span.label_ == a["label"]
        assert span.start_char <= a["start"] and span.end_char >= a["end"]
        assert a["quote"] in span.text
    assert gloss.to_spacy(doc, spacy.blank("en").vocab).text == doc["text"]
