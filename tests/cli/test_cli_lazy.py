"""The command line sets up only the command it runs (issue 18: ``portal screen`` loaded the
database layer, and every other command's module, before reading its CSV file)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from portal import registry
from portal.cli import build_parser
from portal.settings import PROJECT_ROOT

PROBE = """
import json, sys
from portal.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _run(tmp_path: Path, *argv: str) -> tuple[int, set[str], str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, check=False,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                               "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'never.db'}"})
    *output, last = done.stdout.splitlines()
    result = json.loads(last)
    return result["code"], set(result["modules"]), "\n".join(output)


def test_screen_loads_no_database_layer_and_no_other_command(tmp_path: Path) -> None:
    source = tmp_path / "comments.csv"
    source.write_text('text\n"Call me at 503-248-7731"\n', encoding="utf-8")
    code, modules, output = _run(tmp_path, "screen", str(source))
    assert code == 0 and json.loads(output)["row"] == 1
    assert "alembic" not in modules and "portal.db" not in modules
    # The modules that set up each command's options: only screen's own is imported.
    configured = {c.configure.partition(":")[0] for c in registry.commands() if c.configure}
    assert "portal.engagement.cli" in configured
    assert modules & configured == {"portal.engagement.cli"}
    assert not (tmp_path / "never.db").exists()


def test_the_command_named_is_configured_and_the_others_need_not_be() -> None:
    args = build_parser(["screen", "x.csv", "--column", "body"]).parse_args(
        ["screen", "x.csv", "--column", "body"])
    assert (args.file, args.column) == ("x.csv", "body")
    argv = ["import", "notices", "notices.csv", "--dry-run"]
    assert build_parser(argv).parse_args(argv).dry_run is True
    # Without a command line (documentation, tests), every command is set up.
    full = build_parser()
    assert full.parse_args(argv).dry_run is True
    assert full.parse_args(["screen", "x.csv"]).column == "text"
