"""Every create form in the product is one-time, and a new one cannot quietly skip it.

Three checks, each read from the code rather than from a list the code also reads:
- a view that calls a service named like a create (`*_create`, `*_add`, `*_record`, ...) is
  wrapped in `@one_time_form`, unless it is listed below with the reason a copy is harmless;
- an address named like a create form (`new/`, `add`, `declare`, `upload`, ...) is one-time;
- a one-time view saves inside `with saving_once(request):`, in a `try` that shows a
  ValidationError, so an expired or forged token is explained next to the form.
The set of one-time addresses is pinned here too, so unwrapping one fails as well.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from triplewin.submissions.once import is_one_time

ROOT = Path(__file__).resolve().parents[3]
CREATE_SERVICE = re.compile(
    r"_(create|add|record|raise|upload|import|make|send|respond|confirm|draft_from_project)$"
)
CREATE_ADDRESS = re.compile(r"(^|[-_/:])(new|add|create|declare|record|upload|import)($|[-_/])")

# Views that call a create-named service but where a second copy adds nothing.
NOT_CREATING = {
    ("meetings/views/agenda.py", "attendance"): (
        "attendance_record sets each member's status at the meeting, one row per member: "
        "sending the same statuses twice changes nothing"
    ),
}
# Addresses named like a create form that are not one.
NOT_CREATE_FORMS = {
    "amendments:change-add": (
        "sets the amendment's change to one PID field (one row per field), guarded by the "
        "amendment's version"
    ),
    "team:ask-to-declare": (
        "asks a team member to declare, at most once a day (a unique constraint): a second "
        "send on the same day is refused with a message and creates nothing"
    ),
}
ONE_TIME = {
    "agreement:copy-upload",
    "api:create",
    "agreement:party-add",
    "amendments:create",
    "conflicts:confirm",
    "conflicts:declare",
    "conflicts:nil-return",
    "contributions:add",
    "delivery:issue-add",
    "delivery:milestone-add",
    "delivery:rag-override",
    "delivery:risk-add",
    "kpis:conditions",
    "kpis:create",
    "kpis:criterion-create",
    "kpis:record",
    "kpis:sites",
    "kpis:upload",
    "learning:review_add",
    "learning:survey_links",
    "learning:survey_open",
    "learning:survey_respond",
    "learning:survey_send",
    "library:draft-from-project",
    "library:import",
    "meetings:action-add",
    "meetings:agenda",
    "meetings:create",
    "meetings:decision",
    "meetings:decision-add",
    "obligations:report-new",
    "organisations:join",
    "organisations:people",
    "partnerships:create",
    "partnerships:partners",
    "plans:add",
    "team:add",
    "team:object",
    "transfers:add",
    "transfers:contracted-add",
    "executive_summary:website-add",
}


@dataclass(frozen=True)
class ViewFunction:
    path: str
    node: ast.FunctionDef
    service_modules: frozenset[str]
    service_functions: frozenset[str]

    @property
    def one_time(self) -> bool:
        return any(ast.unparse(d) == "one_time_form" for d in self.node.decorator_list)

    def services_called(self) -> set[str]:
        called = set()
        for n in ast.walk(self.node):
            if not isinstance(n, ast.Call):
                continue
            f = n.func
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
                if f.value.id in self.service_modules:
                    called.add(f.attr)
            elif isinstance(f, ast.Name) and f.id in self.service_functions:
                called.add(f.id)
        return called


def _service_imports(tree: ast.Module) -> tuple[frozenset[str], frozenset[str]]:
    """Names bound to service modules, and to service functions, by the module's imports."""
    modules: set[str] = set()
    functions: set[str] = set()
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("triplewin"):
            continue
        module = node.module or ""
        for alias in node.names:
            bound = alias.asname or alias.name
            if alias.name == "services" or module.endswith(".services"):
                if module.endswith(".services") and alias.name[0].islower():
                    # `from x.services import schedule` (a module) or `import foo_add` (a function)
                    target = ROOT / module.replace(".", "/") / f"{alias.name}.py"
                    (modules if target.exists() else functions).add(bound)
                else:
                    modules.add(bound)
    return frozenset(modules), frozenset(functions)


def view_functions() -> Iterator[ViewFunction]:
    files = sorted(ROOT.glob("triplewin/*/views/*.py")) + sorted(ROOT.glob("triplewin/*/views.py"))
    assert len(files) > 50
    for file in files:
        tree = ast.parse(file.read_text())
        modules, functions = _service_imports(tree)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                path = str(file.relative_to(ROOT / "triplewin"))
                yield ViewFunction(path, node, modules, functions)


def _saves_once(node: ast.FunctionDef) -> bool:
    for t in ast.walk(node):
        if not isinstance(t, ast.Try):
            continue
        handled = {ast.unparse(h.type) for h in t.handlers if h.type is not None}
        if "ValidationError" not in handled:
            continue
        for w in t.body:
            for n in ast.walk(w):
                if isinstance(n, ast.With) and any(
                    ast.unparse(i.context_expr) == "saving_once(request)" for i in n.items
                ):
                    return True
    return False


def url_patterns() -> Iterator[tuple[str, str, Callable[..., Any]]]:
    def walk(
        resolver: URLResolver, prefix: str, namespace: str
    ) -> Iterator[tuple[str, str, Callable[..., Any]]]:
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                yield from walk(p, prefix + str(p.pattern), p.namespace or namespace)
            elif isinstance(p, URLPattern) and p.name and namespace and namespace != "admin":
                yield f"{namespace}:{p.name}", prefix + str(p.pattern), p.callback

    return walk(get_resolver(), "", "")


def test_a_view_that_calls_a_create_service_is_one_time():
    missing = []
    for view in view_functions():
        creates = {s for s in view.services_called() if CREATE_SERVICE.search(s)}
        if creates and not view.one_time and (view.path, view.node.name) not in NOT_CREATING:
            missing.append(f"{view.path}:{view.node.name} calls {sorted(creates)}")
    assert not missing, (
        "These views create records but are not wrapped in @one_time_form (ADR 0017): "
        + "; ".join(missing)
    )


def test_the_exemptions_are_still_real():
    views = {(v.path, v.node.name): v for v in view_functions()}
    for key in NOT_CREATING:
        assert key in views, key
        assert not views[key].one_time, key


def test_an_address_named_like_a_create_form_is_one_time():
    missing = [
        name
        for name, route, view in url_patterns()
        if (CREATE_ADDRESS.search(name) or CREATE_ADDRESS.search(route))
        and not is_one_time(view)
        and name not in NOT_CREATE_FORMS
    ]
    assert not missing, f"Not one-time, though named like a create form: {missing}"


def test_exactly_the_pinned_addresses_are_one_time():
    one_time = {name for name, _, view in url_patterns() if is_one_time(view)}
    assert one_time == ONE_TIME


def test_a_one_time_view_saves_inside_saving_once_and_shows_a_refusal():
    views = list(view_functions())
    helpers = {v.node.name for v in views if not v.one_time and _saves_once(v.node)}
    careless = [
        f"{v.path}:{v.node.name}"
        for v in views
        if v.one_time
        and not _saves_once(v.node)
        and not any(
            isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in helpers
            for n in ast.walk(v.node)
        )
    ]
    assert not careless, f"One-time views that never save inside saving_once: {careless}"


def test_the_checks_see_what_they_claim_to():
    # The scan finds the service calls it is meant to judge, so it cannot pass by finding none.
    calls = {(v.path, v.node.name): v.services_called() for v in view_functions()}
    assert "tov_record" in calls[("transfers/views/record.py", "transfer_add")]
    assert "meeting_create" in calls[("meetings/views/meetings.py", "meeting_create")]
    assert "votes_record" in calls[("meetings/views/decisions.py", "decision_detail")]
    assert "risk_add" in calls[("delivery/views/logs.py", "risk_add")]
