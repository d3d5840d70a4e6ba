"""Home page script run with the demo county loaded on a fresh SQLite file.

    python bench/bench_home.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from bench.pagetime import demo_database, report, time_page

    with demo_database():
        report("home (resident)", *time_page("app_pages/home.py"))
        report("navigation + home (streamlit_app.py)", *time_page("streamlit_app.py"))


if __name__ == "__main__":
    main()
