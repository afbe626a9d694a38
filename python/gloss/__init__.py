"""Gloss from Python: the extractor of actors, dates and claims in news articles, the
annotation formats, validation, scoring and agreement, all from the same Rust code as the
``gloss`` command line, with the same results (gold JSON byte for byte) and the same messages.

    >>> import gloss
    >>> doc = gloss.extract("France expelled two Malian diplomats last Sunday.", "2025-09-19")
    >>> [(a["label"], a["quote"]) for a in doc["annotations"]][:1]
    [('ACTOR', 'France')]

A document is the gold JSON object as Python values (``dict``); offsets are Unicode code
points, as Python's ``str`` indexes count. Bad input raises :class:`GlossError` with the
command line's sentence. The extension releases the GIL while it works: threads scale.

Owns: the public API, its types and documents. Must not: extract, parse, check or score
(``gloss._gloss``, the Rust library, does all of it).
"""

from __future__ import annotations

import json
import os
import warnings
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union, cast

from . import _gloss
from ._errors import GlossError
from ._frames import to_dataframe, to_spacy
from ._sources import (
    ANNOTATED_CAP,
    ARTICLE_CAP,
    Doc,
    Source,
    annotated,
    as_docs,
    dir_files,
    doc_json,
    is_path,
    read_bytes,
)

__all__ = [
    "Doc",
    "FORMATS",
    "GlossError",
    "Lexicon",
    "Record",
    "Source",
    "agree",
    "extract",
    "extract_file",
    "extract_json",
    "extract_jsonl",
    "extract_many",
    "now",
    "read",
    "score",
    "to_dataframe",
    "to_spacy",
    "validate",
    "write",
]

FORMATS: Tuple[str, ...] = tuple(_gloss.FORMATS)
"""The formats :func:`read` and :func:`write` take: gloss, jsonl, labelstudio, doccano, brat,
w3c, conll, spacy, timeml (docs/FORMATS.md says what each keeps)."""

Text = Union[str, bytes]
"""A text: ``str``, or a file's bytes (refused as the CLI refuses such a file when binary,
UTF-16, not UTF-8 or over 8 MB)."""

Record = Union[Text, Mapping[str, Any], Tuple[str, Text, Optional[str]]]
"""One record of a batch: a text, a mapping ``{"id", "text", "dct"}`` (a JSON Lines line of
``gloss extract``) or a tuple ``(id, text, dct)``."""

Lexicon = Union[str, "os.PathLike[str]", Mapping[str, Any]]
"""A project lexicon (``gloss-lexicon`` JSON, as ``gloss learn`` writes it and the page's
lexicon view exports it): a path, the JSON text itself, or its parsed mapping."""

_DIR_SUFFIXES = (".txt", ".ann", ".conf", ".gold.json", ".json", ".jsonl", ".jsonld", ".conll", ".tml", ".xml")


def now() -> str:
    """The time as ``gloss extract`` writes it in ``created`` (UTC, to the second)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _lexicon_json(lexicon: Optional[Lexicon]) -> Optional[str]:
    """The JSON text of a project lexicon given as a path, a JSON text or a mapping."""
    if lexicon is None:
        return None
    if isinstance(lexicon, Mapping):
        return json.dumps(lexicon, ensure_ascii=False)
    if isinstance(lexicon, str) and lexicon.lstrip("\ufeff").lstrip().startswith("{"):
        return lexicon
    name = os.fspath(lexicon)
    data = read_bytes(name, ANNOTATED_CAP)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise GlossError("not UTF-8 text", name) from None


def _encodable(texts: Iterable[object]) -> None:
    """Raises GlossError for a str that cannot be UTF-8 (a lone surrogate): the extension's
    own refusal of such an argument is a TypeError that does not say why."""
    for text in texts:
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as e:
                raise GlossError(
                    f"not UTF-8 text: a lone surrogate (U+{ord(text[e.start]):04X}) at position {e.start}"
                ) from None


def extract_json(
    text: Text,
    dct: Optional[str] = None,
    *,
    id: str = "doc",
    created: Optional[str] = None,
    line: bool = False,
    lexicon: Optional[Lexicon] = None,
) -> str:
    """The gold JSON text of ``text`` as ``gloss extract`` prints it for one file (pretty, with a
    final newline; one line without it when ``line``, as for JSON Lines).

    Args:
        text: the article (``str``, or bytes checked as the CLI checks a file).
        dct: its creation date ``YYYY-MM-DD``, which relative dates are resolved against.
        id: the document's id (the CLI uses the file's stem).
        created: the ``created`` time written (default: now, as the CLI does).
        lexicon: a project lexicon to apply, as ``gloss extract --lexicon`` does (what it adds
            or changes has the rule ``lexicon``).

    Raises:
        GlossError: a binary, oversized or non-UTF-8 text, a bad date or a bad lexicon.
    """
    try:
        return _gloss.extract_json(text, dct, id, created or now(), None, line, _lexicon_json(lexicon))
    except (TypeError, UnicodeEncodeError):
        _encodable([text])
        raise


def extract(
    text: Text,
    dct: Optional[str] = None,
    *,
    id: str = "doc",
    created: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
) -> Doc:
    """The gold JSON of ``text`` as Python values: :func:`extract_json`, parsed."""
    return json.loads(extract_json(text, dct, id=id, created=created, line=True, lexicon=lexicon))


def extract_file(
    path: Union[str, "os.PathLike[str]"],
    dct: Optional[str] = None,
    *,
    created: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
) -> str:
    """``gloss extract PATH --dct DCT [--lexicon LEXICON]`` for a plain-text article: its
    output, byte for byte (the document's id is the file's stem; a file's refusals name the
    file)."""
    name = os.fspath(path)
    data = read_bytes(name, ARTICLE_CAP)
    return _gloss.extract_json(data, dct, _gloss.stem(name), created or now(), name, False, _lexicon_json(lexicon))


BadLine = Tuple[int, Optional[str], GlossError]
"""A line of JSON Lines that could not be used: its number, its id when it has one, the error."""


def extract_jsonl(
    source: Union[str, "os.PathLike[str]", bytes],
    dct: Optional[str] = None,
    *,
    created: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
) -> Tuple[List[Doc], List[BadLine]]:
    """``gloss extract FILE.jsonl``: the documents of the lines ``{"id", "text", "dct"}`` of a
    JSON Lines file (a path) or text (contents: a str holding a newline or starting with
    ``{``, or bytes), in order, ids defaulting to ``<file stem>-<line>``, and every line that
    could not be used with its error. Unlike the CLI, which stops at a line that is not JSON,
    every bad line is returned and the others extracted. Raises :class:`GlossError` when the
    file itself cannot be read, or holds no line."""
    data: Text
    if isinstance(source, (str, bytes)) and not is_path(source):
        name, data = "<string>", source
    else:
        name = os.fspath(cast("Union[str, os.PathLike[str]]", source))
        data = read_bytes(name, ANNOTATED_CAP)
    gold, bad = _gloss.extract_jsonl_json(data, name, dct, created or now(), _lexicon_json(lexicon))
    return [json.loads(g) for g in gold], list(bad)


def _record(n: int, r: Record) -> Tuple[str, Text, Optional[str]]:
    if isinstance(r, (str, bytes)):
        return (f"doc-{n}", r, None)
    if isinstance(r, tuple):
        return (str(r[0]), r[1], r[2] if len(r) > 2 else None)
    text = r.get("text")
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"record {n}: \"text\" is not a str or bytes")
    dct = r.get("dct")
    return (str(r.get("id") or f"doc-{n}"), text, None if dct is None else str(dct))


def extract_many(
    records: Iterable[Record],
    dct: Optional[str] = None,
    *,
    threads: int = 0,
    created: Optional[str] = None,
    errors: str = "raise",
    chunk: int = 1024,
    lexicon: Optional[Lexicon] = None,
) -> List[Union[Doc, GlossError]]:
    """Extracts a batch on ``threads`` threads (0: one per core) without the GIL, in order.

    Records are texts (ids ``doc-1``, ``doc-2``...), mappings ``{"id", "text", "dct"}`` or
    tuples ``(id, text, dct)``; a record's own ``dct`` wins over ``dct``. All documents get one
    ``created`` (default: now), as one run of the CLI gives them. The iterable is consumed
    ``chunk`` records at a time.

    Args:
        errors: ``"raise"`` raises the first bad record's :class:`GlossError` (its source is the
            record's id) after the chunk; ``"return"`` puts it in the record's place.
    """
    if errors not in ("raise", "return"):
        raise ValueError('errors is "raise" or "return"')
    created = created or now()
    lexicon_json = _lexicon_json(lexicon)
    out: List[Union[Doc, GlossError]] = []
    batch: List[Tuple[str, Text, Optional[str]]] = []

    def flush() -> None:
        try:
            done = _gloss.extract_many_json(batch, dct, created, threads, True, lexicon_json)
        except (TypeError, UnicodeEncodeError):
            _encodable(t for _, t, _ in batch)
            raise
        for r in done:
            if isinstance(r, GlossError) and errors == "raise":
                raise r
            out.append(r if isinstance(r, GlossError) else json.loads(r))
        batch.clear()

    for n, r in enumerate(records, 1):
        batch.append(_record(n, r))
        if len(batch) >= chunk:
            flush()
    flush()
    return out


def _read_args(source: Source) -> Dict[str, Any]:
    """The extension's arguments for a file, a directory or contents."""
    if isinstance(source, bytes):
        return {"text": source}
    if is_path(source):
        p = os.fspath(source)  # type: ignore[arg-type]
        if os.path.isdir(p):
            return {"name": p, "files": dir_files(p, _DIR_SUFFIXES)}
        return {"name": p, "text": read_bytes(p, ANNOTATED_CAP)}
    if isinstance(source, str):
        return {"text": source}
    raise TypeError("read a path, a file's contents (str or bytes), not documents")


def read(source: Source, format: Optional[str] = None, *, offsets: Optional[str] = None) -> List[Doc]:
    """The documents of a file or directory (a path), or of a file's contents (str or bytes), in
    any format :data:`FORMATS` names; the format is guessed from the name and contents when
    not given, as ``gloss convert`` guesses it.

    A str holding a newline, or starting with ``{``, ``[`` or ``<``, is contents; any other str
    is a path. ``offsets`` (``codepoint`` or ``utf16``) is doccano's unit when a file does not say.
    Every reader checks what it reads (bounds, quotes, the text's hash): a problem raises
    :class:`GlossError`, and no document is half-read.
    """
    args = _read_args(source)
    _, docs = _gloss.read_json(format=format, offsets=offsets, **args)
    return [json.loads(d) for d in docs]


def validate(source: Source, format: Optional[str] = None, *, offsets: Optional[str] = None) -> List[Dict[str, Any]]:
    """``gloss validate``: each document's ``id``, ``annotations`` (a count), ``predicted`` (how
    many await review; 0 means gold) and ``warnings`` (guideline warnings, in words).
    Documents (dicts) are checked too. Raises :class:`GlossError` on the first problem."""
    if isinstance(source, dict) or (isinstance(source, (list, tuple)) and not isinstance(source, (str, bytes))):
        docs = as_docs(source)
        args: Dict[str, Any] = {"text": "\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n", "name": "documents.jsonl"}
        format = format or "jsonl"
    else:
        args = _read_args(source)
    rows = _gloss.validate_json(format=format, offsets=offsets, **args)
    return [{"id": i, "annotations": n, "predicted": p, "warnings": list(w)} for i, n, p, w in rows]


def write(
    docs: Union[Doc, Sequence[Doc]],
    format: str,
    path: Union[str, "os.PathLike[str]", None] = None,
    *,
    offsets: Optional[str] = None,
) -> Union[str, Dict[str, str]]:
    """Documents in ``format``, as ``gloss convert --to FORMAT`` writes them: one text, or named
    files (brat always; gold JSON and TimeML for several documents). What the format cannot
    hold is named in a ``UserWarning`` (the CLI's note), never dropped silently.

    With ``path``, a text is written to that file and files into that directory; the
    result is returned either way.
    """
    losses, text, files = _gloss.write_json([doc_json(d) for d in as_docs(docs)], format, offsets)
    for loss in losses:
        warnings.warn(f"{format} does not keep {loss}", UserWarning, stacklevel=2)
    result: Union[str, Dict[str, str]] = text if text is not None else dict(files)
    if path is not None:
        _save(result, os.fspath(path))
    return result


def _save(result: Union[str, Dict[str, str]], path: str) -> None:
    if isinstance(result, str):
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(result)
        return
    os.makedirs(path, exist_ok=True)
    for name, text in result.items():
        with open(os.path.join(path, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)


def score(
    gold: Source,
    pred: Source,
    *,
    labels: Sequence[str] = (),
    kinds: Sequence[str] = (),
    mention: Optional[str] = None,
    attributions: bool = False,
) -> Dict[str, Any]:
    """``gloss score --json GOLD PRED``: per label strict and overlap precision, recall and F1,
    date values, and more, as a dict. Each side is a gold JSON file, Gloss JSON Lines, a
    directory of ``*.gold.json``, a development-corpus file, or documents (dicts)."""
    report = _gloss.score_json(annotated(gold), annotated(pred), list(labels), list(kinds), mention, attributions)
    return json.loads(report)


def agree(works: Mapping[str, Source]) -> Dict[str, Any]:
    """``gloss agree --json``: agreement between annotators (span F1, Cohen's kappa,
    Krippendorff's alpha and alpha_U per label, attributes, confusion, disagreements).

    ``works`` maps each annotator's name to their work: a file, a directory of
    ``*.gold.json``, or documents. Documents are compared by the SHA-256 of their text.
    """
    return json.loads(_gloss.agree_json([(name, annotated(w)) for name, w in works.items()]))
