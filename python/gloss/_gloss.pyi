"""Types of the Rust extension gloss._gloss (python/src/): thin calls of the library with
JSON strings across the boundary. Use the API of gloss/__init__.py instead."""

from typing import List, Optional, Sequence, Tuple, Union

from ._errors import GlossError

_Text = Union[str, bytes]

MAX_TEXT_BYTES: int
MAX_ANNOTATED_BYTES: int
EXTRACTOR_NAME: str
FORMATS: List[str]

def extract_json(
    text: _Text,
    dct: Optional[str] = None,
    id: str = "doc",
    created: Optional[str] = None,
    source: Optional[str] = None,
    line: bool = False,
    lexicon: Optional[str] = None,
) -> str: ...
def extract_many_json(
    records: Sequence[Tuple[str, _Text, Optional[str]]],
    dct: Optional[str] = None,
    created: Optional[str] = None,
    threads: int = 0,
    line: bool = True,
    lexicon: Optional[str] = None,
) -> List[Union[str, GlossError]]: ...
def extract_jsonl_json(
    text: _Text, name: str, dct: Optional[str] = None, created: Optional[str] = None, lexicon: Optional[str] = None
) -> Tuple[List[str], List[Tuple[int, Optional[str], GlossError]]]: ...
def stem(path: str) -> str: ...
def read_json(
    name: Optional[str] = None,
    text: Optional[_Text] = None,
    files: Optional[Sequence[Tuple[str, _Text]]] = None,
    format: Optional[str] = None,
    offsets: Optional[str] = None,
) -> Tuple[str, List[str]]: ...
def validate_json(
    name: Optional[str] = None,
    text: Optional[_Text] = None,
    files: Optional[Sequence[Tuple[str, _Text]]] = None,
    format: Optional[str] = None,
    offsets: Optional[str] = None,
) -> List[Tuple[str, int, int, List[str]]]: ...
def write_json(
    docs: Sequence[str], format: str, offsets: Optional[str] = None
) -> Tuple[List[str], Optional[str], List[Tuple[str, str]]]: ...
def score_json(
    gold: Sequence[Tuple[str, _Text]],
    pred: Sequence[Tuple[str, _Text]],
    labels: Sequence[str] = ...,
    kinds: Sequence[str] = ...,
    mention: Optional[str] = None,
    attributions: bool = False,
) -> str: ...
def agree_json(works: Sequence[Tuple[str, Sequence[Tuple[str, _Text]]]]) -> str: ...
