"""Where the package's inputs come from: paths, strings, bytes and documents.

Owns: telling a path from a file's contents, reading files through the same caps as the
``gloss`` command line (never more than the cap and one byte), listing directories as the CLI
does, and turning documents (dicts) into gold JSON for the Rust extension. Must not: check,
parse or decode what it reads (the extension does, with the CLI's sentences).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence, Tuple, Union

from . import _gloss
from ._errors import GlossError

Doc = Dict[str, Any]
"""A document: the gold JSON object (``schema/gold.schema.json``) as Python values."""

Source = Union[str, "os.PathLike[str]", bytes, Doc, Sequence[Doc]]
"""A file or directory path, a file's contents (str or bytes), a document or a list of them."""

ARTICLE_CAP = _gloss.MAX_TEXT_BYTES + 3
ANNOTATED_CAP = _gloss.MAX_ANNOTATED_BYTES


def is_path(source: object) -> bool:
    """True for an ``os.PathLike``, and for a str that is not a file's contents.

    A str holding a newline, or starting with ``{``, ``[`` or ``<``, is contents; any other
    str is a path.
    """
    if isinstance(source, os.PathLike):
        return True
    if not isinstance(source, str):
        return False
    head = source.lstrip()
    return "\n" not in source and not head.startswith(("{", "[", "<"))


def read_bytes(path: Union[str, "os.PathLike[str]"], cap: int) -> bytes:
    """A file's bytes, at most ``cap + 1`` of them (one more tells the extension it is over)."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            return f.read(cap + 1)
    except FileNotFoundError:
        raise GlossError("cannot open: no such file", name) from None
    except PermissionError:
        raise GlossError("cannot open: permission denied", name) from None
    except IsADirectoryError:
        raise GlossError("is a directory, not a file", name) from None


def dir_files(path: Union[str, "os.PathLike[str]"], suffixes: Tuple[str, ...]) -> List[Tuple[str, bytes]]:
    """The regular files of a directory whose names end with one of ``suffixes``, sorted by
    name, with their bytes (a ``.txt`` through the article cap)."""
    base = Path(path)
    out = []
    for p in sorted(base.iterdir(), key=lambda p: p.name):
        if p.is_file() and p.name.endswith(suffixes):
            out.append((p.name, read_bytes(p, ARTICLE_CAP if p.name.endswith(".txt") else ANNOTATED_CAP)))
    return out


def doc_json(doc: Doc) -> str:
    """A document as gold JSON, for the extension to check and use."""
    if not isinstance(doc, dict):
        raise TypeError(f"a document is a dict (gold JSON as Python values), not {type(doc).__name__}")
    return json.dumps(doc, ensure_ascii=False)


def as_docs(docs: Union[Doc, Iterable[Doc]]) -> List[Doc]:
    """One document or several, as a list."""
    return [docs] if isinstance(docs, dict) else list(docs)


def annotated(source: Source) -> List[Tuple[str, Union[str, bytes]]]:
    """Named texts of annotated documents for scoring and agreement: a file (gold JSON, JSON
    Lines, a development corpus), a directory's ``*.gold.json`` files, or documents."""
    if isinstance(source, bytes):
        return [("<bytes>", source)]
    if is_path(source):
        p = os.fspath(source)  # type: ignore[arg-type]
        if os.path.isdir(p):
            found = [(os.path.join(p, n), b) for n, b in dir_files(p, (".gold.json",))]
            if not found:
                raise GlossError("the directory holds no *.gold.json file", p)
            return found  # type: ignore[return-value]
        return [(p, read_bytes(p, ANNOTATED_CAP))]
    if isinstance(source, str):
        return [("<string>", source)]
    return [(str(d.get("id", "document")), doc_json(d)) for d in as_docs(source)]  # type: ignore[arg-type]
