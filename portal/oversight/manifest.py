"""The Privacy Commission: meetings, their agendas, packets and the evidence page."""

from portal.auth.roles import EVERYONE, OVERSIGHT, STAFF, STAFF_AND_OVERSIGHT
from portal.i18n import N_
from portal.manifest import Area, Command, Exporter, PageSpec

SECTION = N_("Privacy commission")

AREA = Area(
    name="oversight",
    permissions={
        "oversight.list_meetings": EVERYONE,
        "oversight.get_meeting": EVERYONE,
        "oversight.get_agenda": EVERYONE,
        "oversight.feed_ics": EVERYONE,
        "oversight.list_packets": EVERYONE,
        "oversight.get_packet": EVERYONE,
        "oversight.get_packet_content": EVERYONE,
        "oversight.create_meeting": STAFF,
        "oversight.update_meeting": STAFF,
        "oversight.add_agenda_item": STAFF,
        "oversight.target_choices": STAFF,
        "oversight.build_packet": STAFF_AND_OVERSIGHT,
        "oversight.preview_packet": STAFF_AND_OVERSIGHT,
        # Commissioners' notes stay with the commission until a packet publishes them.
        "oversight.list_notes": OVERSIGHT,
        "oversight.save_note": OVERSIGHT,
        "oversight.item_input": OVERSIGHT,
        "oversight.item_input_version": OVERSIGHT,
        "oversight.get_read_marks": OVERSIGHT,
        "oversight.mark_read": OVERSIGHT,
        "oversight.evidence": STAFF_AND_OVERSIGHT,
    },
    models=("portal.oversight.models",),
    services=("portal.oversight.service", "portal.oversight.packets",
              "portal.oversight.evidence", "portal.oversight.reading"),
    pages=(
        PageSpec("app_pages/meetings.py", N_("Commission meetings"), "meetings", ":material/groups:",
                 SECTION, requires=("oversight.list_meetings",), home_link=True),
        PageSpec("app_pages/meeting.py", N_("Meeting and packet"), "meeting", ":material/event:",
                 SECTION, requires=("oversight.get_meeting",), in_menu=False),
        PageSpec("app_pages/agenda_input.py", N_("Input behind an agenda item"), "agenda-input",
                 ":material/menu_book:", SECTION, requires=("oversight.item_input",), in_menu=False),
        PageSpec("app_pages/evidence.py", N_("What Works Cities evidence"), "evidence",
                 ":material/verified:", SECTION, requires=("oversight.evidence",),
                 home_link=True),
    ),
    commands=(
        Command(("packet", "build"), "build and publish a meeting's packet (PDF, JSON)",
                "portal.oversight.cli:build", configure="portal.oversight.cli:configure_build"),
    ),
    exports=(
        Exporter("meetings-ics", "the iCalendar file of commission meetings",
                 "portal.oversight.cli:export_ics", formats=("ics",),
                 configure="portal.cliutil:base_url_option"),
    ),
    seed="portal.oversight.seed:SEED",
)
