"""Documents as other libraries' values: a pandas DataFrame (one row per annotation) and a
spaCy ``Doc`` with the annotations as spans. Both libraries are optional extras.

Owns: those two conversions and the message when the library is missing. Must not: read,
check or change annotations (they come from documents the Rust library has checked).
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Union

Doc = Dict[str, Any]

SPAN_KEY = "gloss"
"""The key of ``Doc.spans`` that :func:`to_spacy` fills."""


def _need(module: str, extra: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ImportError(
            f"this needs {module}, which is not installed: pip install {module} (or the gloss[{extra}] extra)"
        ) from None


def to_dataframe(docs: Union[Doc, Iterable[Doc]]) -> Any:
    """One row per annotation of one document or several (in document order, annotations in
    text order): ``doc_id``, ``id``, ``label``, ``start``, ``end`` (code points), ``quote``,
    ``status``, and the nested ``provenance`` and ``attributes`` flattened with dots
    (``attributes.kind``, ``attributes.value``, ``attributes.cue.start``...). Needs pandas."""
    pd = _need("pandas", "pandas")
    docs = [docs] if isinstance(docs, dict) else list(docs)
    rows: List[Dict[str, Any]] = []
    for d in docs:
        for a in d.get("annotations", []):
            rows.append({"doc_id": d.get("id"), **a})
    columns = ["doc_id", "id", "label", "start", "end", "quote", "status"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.json_normalize(rows, sep=".")
    rest = [c for c in frame.columns if c not in columns]
    return frame[[c for c in columns if c in frame.columns] + rest]


def to_spacy(doc: Doc, nlp_or_vocab: Any) -> Any:
    """A spaCy ``Doc`` of the document's text, tokenized by ``nlp_or_vocab`` (a ``Language``, or
    a ``Vocab`` for spaCy's blank English tokenizer), with every annotation as a span of
    ``doc.spans["gloss"]`` (label ``ACTOR``, ``DATE`` or ``CLAIM``; ``kb_id_`` the actor's
    canonical name or the date's value). Offsets are code points, as spaCy's are; a span
    that does not fall on token boundaries is widened to them (``alignment_mode="expand"``).
    Needs spaCy."""
    spacy = _need("spacy", "spacy")
    if hasattr(nlp_or_vocab, "make_doc"):
        nlp = nlp_or_vocab
    else:
        nlp = spacy.blank("en", vocab=nlp_or_vocab)
    sdoc = nlp.make_doc(doc["text"])
    spans = []
    for a in doc.get("annotations", []):
        attrs = a.get("attributes") or {}
        kb = attrs.get("canonical") or attrs.get("value") or ""
        span = sdoc.char_span(a["start"], a["end"], label=a["label"], kb_id=kb, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    sdoc.spans[SPAN_KEY] = spans
    return sdoc
