"""The compliance rules catalogue and the engine that evaluates it at each gate."""

from triplewin.core.rules.catalogue import CATALOGUE, RULES_BY_ID
from triplewin.core.rules.engine import GateReport, evaluate_gate
from triplewin.core.rules.facts import PartnerFact, ProjectFacts
from triplewin.core.rules.model import Outcome, Rule, RuleResult, Severity

__all__ = [
    "CATALOGUE",
    "RULES_BY_ID",
    "GateReport",
    "Outcome",
    "PartnerFact",
    "ProjectFacts",
    "Rule",
    "RuleResult",
    "Severity",
    "evaluate_gate",
]
