"""Scoring and agreement from Python give the figures ``gloss score --json`` and
``gloss agree --json`` print, for files, directories and documents alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gloss

from conftest import FIXTURES, SEED_TEXTS, SEEDS, run_cli, seed_dct

AGREE = FIXTURES / "agree"


def _predictions(tmp: Path) -> Path:
    docs = [gloss.extract_file(t, seed_dct(t), created="2026-01-01T00:00:00Z") for t in SEED_TEXTS]
    path = tmp / "pred.jsonl"
    gloss.write([json.loads(d) for d in docs], "jsonl", path)
    return path


def _cli_json(cli, args) -> dict:
    proc = run_cli(cli, args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize(
    "options, flags",
    [({}, []), ({"labels": ["DATE"]}, ["--labels", "DATE"]), ({"attributions": True}, ["--attributions"]),
     ({"kinds": ["person", "state"], "mention": "name"}, ["--kinds", "person,state", "--mention", "name"])],
    ids=["all", "dates", "attributions", "kinds"],
)
def test_score_equals_the_clis_report(cli, tmp_path: Path, options: dict, flags: list) -> None:
    pred = _predictions(tmp_path)
    expected = _cli_json(cli, ["score", "--json", str(SEEDS), str(pred), *flags])
    assert (expected.pop("gold_file"), expected.pop("pred_file")) == (str(SEEDS), str(pred))
    got = gloss.score(SEEDS, pred, **options)
    assert got == expected
    assert gloss.score(gloss.read(SEEDS), gloss.read(pred), **options) == expected
    assert json.dumps(got).count('"f1"') > 3


def test_a_perfect_prediction_scores_one(tmp_path: Path) -> None:
    gold = gloss.read(SEEDS)
    report = gloss.score(gold, gold)
    f1s = []

    def walk(v: object) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "f1" and isinstance(x, (int, float)):
                    f1s.append(x)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(report)
    assert f1s and all(f == 1.0 for f in f1s)


def test_agree_equals_the_clis_report(cli) -> None:
    works = [AGREE / "alice", AGREE / "bob", AGREE / "carol.jsonl"]
    expected = _cli_json(cli, ["agree", "--json", *map(str, works)])
    assert expected["annotators"] == ["alice", "bob", "carol"]
    got = gloss.agree(dict(zip(expected["annotators"], works)))
    assert got == expected
    as_docs = gloss.agree({name: gloss.read(w) for name, w in zip(expected["annotators"], works)})
    assert as_docs == expected


def test_agree_refuses_broken_work_and_nothing_to_compare() -> None:
    with pytest.raises(gloss.GlossError, match="broken.gold.json"):
        gloss.agree({"alice": AGREE / "alice", "eve": AGREE / "broken"})
    with pytest.raises(gloss.GlossError, match="nothing to compare"):
        gloss.agree({"alice": AGREE / "alice", "dave": AGREE / "dave"})
