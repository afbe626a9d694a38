"""Shared fixtures of the Python package's tests: where the repository, its seeds and the
release ``gloss`` binary are, and running that binary.

The binary is ``$GLOSS_CLI`` (scripts/test.sh sets it; a test fails when it names no file)
or ``target/release/gloss`` of the repository; when neither exists the tests that compare
with the CLI are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import List, Optional

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures"
SEED_TEXTS = sorted(SEEDS.glob("*.txt"))
SEED_GOLD = sorted(SEEDS.glob("*.gold.json"))


def seed_dct(text: Path) -> Optional[str]:
    """A seed's DCT, from its gold file (seeds/README.md says how each was found)."""
    gold = text.with_name(text.name[: -len(".txt")] + ".gold.json")
    return json.loads(gold.read_text(encoding="utf-8"))["dct"]


@pytest.fixture(scope="session")
def cli() -> Path:
    named = os.environ.get("GLOSS_CLI")
    if named:
        assert Path(named).is_file(), f"GLOSS_CLI={named} is not a file"
        return Path(named)
    built = REPO / "target" / "release" / "gloss"
    if not built.is_file():
        pytest.skip("no gloss binary: set GLOSS_CLI or run cargo build --release --bin gloss")
    return built


def run_cli(cli: Path, args: List[str], cwd: Optional[Path] = None) -> subprocess.CompletedProcess:
    """The CLI's exit code, standard output and error (as text)."""
    return subprocess.run([str(cli), *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd, check=False)


def cli_error(proc: subprocess.CompletedProcess) -> str:
    """The CLI's one-line message, without its ``gloss: `` prefix."""
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gloss: "), proc.stderr
    return lines[0][len("gloss: ") :]
