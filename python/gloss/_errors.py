"""The package's one exception, GlossError.

Owns: the exception class and how its message is put together from the reason and the file
or document it concerns. Must not: decide what is an error (the Rust library does, with the
same sentences as the ``gloss`` command line).
"""

from __future__ import annotations

from typing import Optional


class GlossError(ValueError):
    """Bad input, refused with the sentence the ``gloss`` command line prints for it.

    Attributes:
        reason: the library's sentence ("line 1, column 3: this file looks binary ...").
        source: the file, directory or document the reason concerns, or None.
        kind: the library's kind of error: ``input``, ``format``, ``span``, ``mismatch``,
            ``edit`` (or ``internal``, which is a bug to report).

    ``str(error)`` is ``"<source>: <reason>"`` (or the reason alone), as the command line
    writes it after ``gloss: ``.
    """

    def __init__(self, reason: str, source: Optional[str] = None, kind: str = "input") -> None:
        self.reason = reason
        self.source = source
        self.kind = kind
        super().__init__(f"{source}: {reason}" if source else reason)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Picklable with its attributes (Dask sends errors between processes).
        return (GlossError, (self.reason, self.source, self.kind))
