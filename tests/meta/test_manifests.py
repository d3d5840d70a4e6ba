"""Meta-tests (Datasette's habit): the areas' manifests are the only list, and they hold.

Each test reads the code or the registry, not a copy of either, so a new area,
page, service, setting or command that skips a step fails here.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import SQLModel

import portal
import portal.services  # noqa: F401  (registers every service)
from portal import registry
from portal.auth.permissions import PERMISSIONS, SERVICES
from portal.settings import PROJECT_ROOT, Settings

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
CODE_DIRS = ("portal", "app_pages", "moderation")


def _portal_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(portal.__path__, prefix="portal."):
        # Alembic's env.py runs migrations on import; __main__ runs the CLI.
        if info.name.startswith("portal.migrations") or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def _source_files() -> list[Path]:
    files = [PROJECT_ROOT / "streamlit_app.py"]
    for folder in CODE_DIRS:
        files += sorted((PROJECT_ROOT / folder).rglob("*.py"))
    return [f for f in files if "migrations" not in f.parts]


# ---------------------------------------------------------------------------
# Every table and every service is reachable from a manifest
# ---------------------------------------------------------------------------

def test_every_module_defining_tables_is_named_by_a_manifest() -> None:
    declared = {m for area in registry.areas() for m in area.models}
    defining = set()
    for name in _portal_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (inspect.isclass(value) and issubclass(value, SQLModel) and value.__module__ == name
                    and getattr(value, "__table__", None) is not None):
                defining.add(name)
    assert defining - declared == set(), "tables outside every manifest's models"
    assert declared - defining == set(), "a manifest names a models module with no table"


def test_every_module_defining_services_is_named_by_a_manifest() -> None:
    declared = {m for area in registry.areas() for m in area.services}
    defining = {fn.__wrapped__.__module__ for fn in SERVICES.values()}  # type: ignore[attr-defined]
    assert defining - declared == set(), "services outside every manifest's services"
    assert declared - defining == set(), "a manifest names a services module with no service"


def test_every_service_belongs_to_the_area_whose_manifest_grants_it() -> None:
    for area in registry.areas():
        for action in area.permissions:
            wrapper = SERVICES.get(action)
            assert wrapper is not None, f"{area.name} grants {action}, which no module declares"
            module = wrapper.__wrapped__.__module__  # type: ignore[attr-defined]
            assert module in area.services, (action, module)


def test_nothing_else_keeps_a_list_of_areas() -> None:
    """The registry is the one list: no other module names several manifests or areas."""
    offenders = []
    for path in _source_files():
        if path.name in ("registry.py",):
            continue
        text = path.read_text(encoding="utf-8")
        if len(set(re.findall(r"portal\.(\w+)\.manifest", text))) > 1:
            offenders.append(str(path.relative_to(PROJECT_ROOT)))
    assert offenders == []


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------

def test_every_page_requires_services_that_exist() -> None:
    for page in registry.all_pages():
        assert set(page.requires) <= set(PERMISSIONS), (page.url_path, page.requires)
        assert page.path.is_file(), page.script


def test_page_addresses_and_scripts_are_unique() -> None:
    pages = registry.all_pages()
    assert len({p.url_path for p in pages}) == len(pages)
    assert len({p.script for p in pages}) == len(pages)


def test_every_registered_page_has_a_page_test() -> None:
    tests_dir = PROJECT_ROOT / "tests" / "pages"
    missing = []
    for page in registry.all_pages():
        test_file = tests_dir / f"test_{page.path.stem}.py"
        if not test_file.exists() or "def test_" not in test_file.read_text(encoding="utf-8"):
            missing.append(page.script)
    assert missing == []


def test_no_page_or_ui_module_keeps_its_own_role_sets() -> None:
    """Who sees what follows from the permission table; pages ask ``allowed``."""
    offenders = []
    for path in [*(PROJECT_ROOT / "app_pages").glob("*.py"), *(PROJECT_ROOT / "portal/ui").glob("*.py"),
                 PROJECT_ROOT / "portal/registry.py"]:
        text = path.read_text(encoding="utf-8")
        if re.search(r"\.has\(Role\.|frozenset\(\{Role\.", text):
            offenders.append(str(path.relative_to(PROJECT_ROOT)))
    assert offenders == []


# ---------------------------------------------------------------------------
# Pages and the UI reach the database only through services
# ---------------------------------------------------------------------------

def test_pages_and_ui_never_query_tables_directly() -> None:
    offenders = []
    table_modules = {m for area in registry.areas() for m in area.models}
    for path in [*(PROJECT_ROOT / "app_pages").glob("*.py"), *(PROJECT_ROOT / "portal/ui").glob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # A model named for a type hint only (under ``if TYPE_CHECKING:``) runs nothing.
        hints = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                 and getattr(block.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(block)}
        for node in ast.walk(tree):
            if id(node) in hints:
                continue
            if isinstance(node, ast.ImportFrom) and node.module in table_modules:
                offenders.append(f"{path.relative_to(PROJECT_ROOT)} imports {node.module}")
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("exec", "execute"):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno} runs a query")
    assert offenders == []


# ---------------------------------------------------------------------------
# Import cycles between areas
# ---------------------------------------------------------------------------

# Modules every area builds on: they import no area.
FOUNDATION = {"portal.auth.roles", "portal.auth.permissions", "portal.manifest"}


def _area_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 3 or parts[0] != "portal" or any(
            module == f or module.startswith(f + ".") for f in FOUNDATION):
        return None
    area = parts[1]
    return area if area in {a.name for a in registry.areas()} else None


def test_areas_import_each_other_without_cycles() -> None:
    edges: dict[str, set[str]] = {}
    for name in _portal_modules():
        source = area = _area_of(name)
        if area is None:
            continue
        path = Path(importlib.import_module(name).__file__ or "")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                other = _area_of(target)
                if other and other != source and not target.endswith((".manifest", ".seed")):
                    edges.setdefault(source, set()).add(other)

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(edges.get(node, ())):
                if nxt == start:
                    return [*path, start]
                if nxt not in path:
                    stack.append((nxt, [*path, nxt]))
        return None

    cycles = [c for a in sorted(edges) if (c := cycle_from(a))]
    assert cycles == [], edges


# ---------------------------------------------------------------------------
# Write services leave an audit record
# ---------------------------------------------------------------------------

READ_VERBS = ("list", "get", "export", "statistics", "preview", "feed", "diff", "deployments",
              "summary", "version", "status", "choices", "findings", "trend", "queue", "log",
              "published", "awaiting", "verify", "inventory_version", "department_choices")

#: Writes that deliberately record no audit event, each with the reason.
AUDIT_EXEMPT = {
    # An anonymous submission is not a county decision. An append-only event per comment
    # would keep, forever and beyond the 90-day purge of raw text, when each resident wrote;
    # the comment row records the submission, and the first county act on it (the
    # moderation decision) is audited.
    "engagement.submit_comment": "anonymous submissions are not audited (privacy, §2.1/§2.4)",
    # The same for a survey response: an event per response would record when each anonymous
    # respondent answered, which the response itself deliberately keeps only to the day.
    "surveys.submit_response": "anonymous responses are not audited (privacy, §2.1)",
    # A commissioner's private bookmark of what they have read changes no record and
    # decides nothing; the decisions they then take are audited.
    "oversight.mark_read": "a private reading mark, not a decision",
}

_AUDIT_CALLS = ("record_event", "record_version", "_record", "snapshot", "audit")


def _is_write(action: str) -> bool:
    verb = action.split(".", 1)[1]
    return not verb.startswith(READ_VERBS) and not any(
        verb == v or verb.endswith(v) for v in READ_VERBS)


def _audits(fn, depth: int = 3) -> bool:  # type: ignore[no-untyped-def]
    """The function, or a function of its module it calls (a few levels down), audits."""
    source = inspect.getsource(fn)
    if any(call in source for call in _AUDIT_CALLS):
        return True
    if depth == 0:
        return False
    module = sys.modules[fn.__module__]
    for name in set(re.findall(r"\b(\w+)\(", source)):
        helper = getattr(module, name, None)
        helper = getattr(helper, "__wrapped__", helper)
        if inspect.isfunction(helper) and helper is not fn and _audits(helper, depth - 1):
            return True
    return False


def test_every_write_service_records_an_audit_event_or_says_why_not() -> None:
    unaudited = [
        action for action, wrapper in sorted(SERVICES.items())
        if _is_write(action) and action not in AUDIT_EXEMPT
        and not _audits(wrapper.__wrapped__)  # type: ignore[attr-defined]
    ]
    assert unaudited == []
    assert set(AUDIT_EXEMPT) <= set(SERVICES)


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_documented_in_the_readme(name: str) -> None:
    assert f"`PORTAL_{name.upper()}`" in README


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_read_somewhere(name: str) -> None:
    pattern = re.compile(rf"\.{name}\b")
    readers = [
        path for path in _source_files()
        if path.name != "settings.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert readers, f"settings.{name} is read nowhere"


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------

def _help(*words: str) -> str:
    done = subprocess.run([sys.executable, "-m", "portal", *words, "--help"], capture_output=True,
                          text=True, cwd=PROJECT_ROOT, check=True)
    return done.stdout


def _verbs() -> list[tuple[str, ...]]:
    verbs = [c.verb for c in registry.commands()]
    verbs += [("import", kind) for kind in registry.importers()]
    verbs += [("export", kind) for kind in registry.exporters()]
    return verbs


@pytest.mark.parametrize("verb", _verbs(), ids=" ".join)
def test_every_manifest_verb_is_in_portal_help_and_the_readme(verb: tuple[str, ...]) -> None:
    *parents, last = verb
    assert re.search(rf"^\s+{re.escape(last)}\b", _help(*parents), re.MULTILINE), verb
    assert f"portal {' '.join(verb)}" in README, f"the README's command table lacks portal {' '.join(verb)}"
