"""Surveys: a builder that refuses to collect what endangers residents, anonymous answers,
suppressed results."""

from portal.auth.roles import EVERYONE, STAFF, STAFF_AND_OVERSIGHT
from portal.i18n import N_
from portal.manifest import Area, Command, PageSpec, Translatable

SECTION = N_("Have your say")

AREA = Area(
    name="surveys",
    permissions={
        "surveys.list_surveys": EVERYONE,
        "surveys.list_about": EVERYONE,
        "surveys.get_survey": EVERYONE,
        "surveys.get_results": EVERYONE,
        "surveys.get_results_version": EVERYONE,
        "surveys.preview_answers": EVERYONE,
        "surveys.get_answered": EVERYONE,
        "surveys.submit_response": EVERYONE,
        "surveys.export_answers": STAFF_AND_OVERSIGHT,
        "surveys.create_survey": STAFF,
        "surveys.update_survey": STAFF,
        "surveys.add_question": STAFF,
        "surveys.update_question": STAFF,
        "surveys.move_question": STAFF,
        "surveys.remove_question": STAFF,
        "surveys.publish_survey": STAFF,
        "surveys.close_survey": STAFF,
    },
    models=("portal.surveys.models",),
    services=("portal.surveys.builder", "portal.surveys.answering", "portal.surveys.results"),
    pages=(
        PageSpec("app_pages/surveys.py", N_("Surveys"), "surveys", ":material/ballot:", SECTION,
                 requires=("surveys.submit_response",), home_link=True),
        PageSpec("app_pages/manage_surveys.py", N_("Build surveys"), "manage-surveys",
                 ":material/edit_note:", SECTION, requires=("surveys.create_survey",)),
    ),
    commands=(
        Command(("surveys", "lint"), "flag survey questions that ask about citizenship, id "
                "numbers, nationality, religion or language; one JSON line per row",
                "portal.surveys.lint_cli:lint", configure="portal.surveys.lint_cli:configure_lint"),
    ),
    seed="portal.surveys.seed:SEED",
    translatable=(Translatable("survey", N_("Surveys"),
                               "portal.surveys.translatable:english"),),
)
