"""Figures: a stated number read as the interval of values its wording allows."""

from toolkit.figures.figure import Figure, Qualifier
from toolkit.figures.interval import DivisionByZeroInterval, Interval
from toolkit.figures.parse import parse_figure

__all__ = ["DivisionByZeroInterval", "Figure", "Interval", "Qualifier", "parse_figure"]
