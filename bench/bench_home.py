"""Home page script run with the demo county loaded on a fresh SQLite file.

    python bench/bench_home.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PORTAL_DATABASE_URL"] = f"sqlite:///{tmp}/portal.db"
        from bench.pagetime import report, time_page
        from portal.auth.roles import SYSTEM
        from portal.db import make_engine, session_scope, upgrade
        from portal.demo.loader import load_demo

        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            counts = load_demo(session=session, actor=SYSTEM)
        print(f"demo county loaded: {sum(counts.values()):,} rows")
        report("home (resident)", *time_page("app_pages/home.py"))
        report("navigation + home (streamlit_app.py)", *time_page("streamlit_app.py"))


if __name__ == "__main__":
    main()
