"""Rules: a small, safe expression language over claim ids, checked over intervals."""

from toolkit.rules.evaluate import Tri, evaluate, value_of
from toolkit.rules.rule import Rule, load_rules
from toolkit.rules.syntax import Expr, names, parse_rule

__all__ = ["Expr", "Rule", "Tri", "evaluate", "load_rules", "names", "parse_rule", "value_of"]
