"""The Privacy Commission: meetings and their agendas."""

from portal.auth.roles import EVERYONE, STAFF
from portal.manifest import Area, PageSpec

AREA = Area(
    name="oversight",
    permissions={
        "oversight.list_meetings": EVERYONE,
        "oversight.get_meeting": EVERYONE,
        "oversight.create_meeting": STAFF,
        "oversight.add_agenda_item": STAFF,
    },
    models=("portal.oversight.models",),
    services=("portal.oversight.service",),
    pages=(
        PageSpec("app_pages/meetings.py", "Commission meetings", "meetings", ":material/groups:",
                 "Privacy commission", requires=("oversight.list_meetings",), home_link=True),
    ),
    seed="portal.oversight.seed:SEED",
)
