"""The dev split read by reading round, as the training scripts' leave-one-round-out reads it."""

from __future__ import annotations

from pathlib import Path

from monitor.extract.cases import cases_by_prefix, load_cases

DEV = Path(__file__).resolve().parents[1] / "data" / "extraction" / "dev"


def test_a_round_and_the_rest_partition_the_dev_yaml_cases() -> None:
    fifth = cases_by_prefix(DEV, only="fresh5_")
    rest = cases_by_prefix(DEV, without=("fresh5_",))
    every = cases_by_prefix(DEV)
    assert fifth and all(case.id.startswith("d5-") for case in fifth)
    assert not any(case.id.startswith("d5-") for case in rest)
    assert {c.id for c in fifth} | {c.id for c in rest} == {c.id for c in every}
    assert len(fifth) + len(rest) == len(every)
    yaml_only = [c for p in sorted(DEV.glob("*.yaml")) for c in load_cases(p)]
    assert [c.id for c in every] == [c.id for c in yaml_only]
