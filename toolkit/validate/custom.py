"""Great Expectations expectations journalists need and GX lacks, rounding-aware.

Importing this module registers four expectations with GX (so suites may name
them by ``type``); each judges rows with claimledger's rule semantics, so a
cell is read as written and a failure is a proof, not a float accident:

* ``expect_columns_to_sum_to_total`` — ``column_list``: the parts, then the total;
* ``expect_column_part_to_not_exceed_whole`` — ``column_list``: [part, whole];
* ``expect_column_share_to_match_counts`` — ``column_list``: [share, part, whole],
  ``scale`` 1 for fractions (default) or 100 for percentages;
* ``expect_total_row_to_equal_sum_of_rows`` — ``column_list``: [label, values...],
  ``total_label`` (default ``Total``): the row so labelled equals the sum of the others.

They run on GX's pandas engine. Importing this module imports GX.
"""

from __future__ import annotations

from typing import Any

from great_expectations.execution_engine.pandas_execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (  # noqa: E501
    multicolumn_condition_partial,
)
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_map_metric_provider import (  # noqa: E501
    MulticolumnMapMetricProvider,
)

from toolkit.validate.frames import rule_ok, total_row_ok

__all__ = [
    "ExpectColumnPartToNotExceedWhole",
    "ExpectColumnShareToMatchCounts",
    "ExpectColumnsToSumToTotal",
    "ExpectTotalRowToEqualSumOfRows",
]

_DOMAIN = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")


def _q(name: str) -> str:
    return '"' + name + '"'


class ColumnsSumToTotal(MulticolumnMapMetricProvider):
    condition_metric_name = "claimledger.columns_sum_to_total"
    condition_domain_keys = _DOMAIN

    @multicolumn_condition_partial(engine=PandasExecutionEngine)  # type: ignore[untyped-decorator]
    def _pandas(cls, column_list: Any, **kwargs: Any) -> Any:
        *parts, total = list(column_list.columns)
        return rule_ok(column_list, " + ".join(map(_q, parts)) + f" == {_q(total)}")


class PartNotExceedWhole(MulticolumnMapMetricProvider):
    condition_metric_name = "claimledger.part_not_exceed_whole"
    condition_domain_keys = _DOMAIN

    @multicolumn_condition_partial(engine=PandasExecutionEngine)  # type: ignore[untyped-decorator]
    def _pandas(cls, column_list: Any, **kwargs: Any) -> Any:
        part, whole = list(column_list.columns)
        return rule_ok(column_list, f"{_q(part)} <= {_q(whole)}")


class ShareMatchesCounts(MulticolumnMapMetricProvider):
    condition_metric_name = "claimledger.share_matches_counts"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("scale",)

    @multicolumn_condition_partial(engine=PandasExecutionEngine)  # type: ignore[untyped-decorator]
    def _pandas(cls, column_list: Any, **kwargs: Any) -> Any:
        share, part, whole = list(column_list.columns)
        scale = kwargs.get("scale") or 1
        factor = (
            "" if float(scale) == 1 else f"{int(scale) if float(scale).is_integer() else scale} * "
        )
        return rule_ok(column_list, f"{_q(share)} == {factor}{_q(part)} / {_q(whole)}")


class TotalRowEqualsSum(MulticolumnMapMetricProvider):
    condition_metric_name = "claimledger.total_row_equals_sum"
    condition_domain_keys = _DOMAIN
    condition_value_keys = ("total_label",)

    @multicolumn_condition_partial(engine=PandasExecutionEngine)  # type: ignore[untyped-decorator]
    def _pandas(cls, column_list: Any, **kwargs: Any) -> Any:
        return total_row_ok(column_list, str(kwargs.get("total_label") or "Total"))


class ExpectColumnsToSumToTotal(MulticolumnMapExpectation):
    """The parts (all columns but the last) add up to the total (the last), rounding-aware."""

    map_metric = "claimledger.columns_sum_to_total"
    success_keys = ("mostly",)
    args_keys = ("column_list",)


class ExpectColumnPartToNotExceedWhole(MulticolumnMapExpectation):
    """The part (first column) is at most the whole (second column), rounding-aware."""

    map_metric = "claimledger.part_not_exceed_whole"
    success_keys = ("mostly",)
    args_keys = ("column_list",)


class ExpectColumnShareToMatchCounts(MulticolumnMapExpectation):
    """share == scale × part / whole, with the share read as rounded at its last digit."""

    scale: float = 1.0
    map_metric = "claimledger.share_matches_counts"
    success_keys = ("mostly", "scale")
    args_keys = ("column_list", "scale")


class ExpectTotalRowToEqualSumOfRows(MulticolumnMapExpectation):
    """The row labelled ``total_label`` equals the sum of the other rows, in every value column."""

    total_label: str = "Total"
    map_metric = "claimledger.total_row_equals_sum"
    success_keys = ("mostly", "total_label")
    args_keys = ("column_list", "total_label")
