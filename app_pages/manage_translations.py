"""Staff: the Spanish version of what the county wrote, field by field or by spreadsheet."""

import pandas as pd
import streamlit as st

from portal.auth.permissions import allowed
from portal.errors import PermissionDenied
from portal.i18n import _
from portal.registry import translatable_kinds
from portal.translations import service as translations
from portal.ui.context import change_then_rerun, current_actor, db
from portal.ui.importing import export_when_clicked, import_section
from portal.ui.messages import reported, show_error
from portal.ui.text import inert

actor = current_actor()
st.title(_("Spanish versions"))
if not allowed(actor, "translations.save"):
    # The services refuse every write anyway; this says so before showing any form.
    show_error(PermissionDenied("translations.save", {r.value for r in actor.roles}))
    st.stop()
st.write(_(
    "Residents who read the portal in Spanish see the Spanish version of a notice, a practice, "
    "an indicator or a survey wherever one is saved, and the English, marked as such, where "
    "none is. A Spanish text is kept with the English it translates: when the English is "
    "rewritten (a new version of a notice), that field shows in English again, marked "
    "outdated here, until its Spanish is brought up to date."
))
STATUS = {translations.TRANSLATED: _("translated"), translations.OUTDATED: _("outdated"),
          translations.MISSING: _("not translated")}

tab_edit, tab_files = st.tabs([_("One record"), _("By spreadsheet")])
with tab_edit:
    kinds = translatable_kinds()
    kind = st.selectbox(_("What to translate"), list(kinds), format_func=lambda k: _(kinds[k].label),
                        key="translations_kind")
    records = []
    with reported(), db() as session:
        records = translations.list_records(session=session, actor=actor, kind=kind)
    if not records:
        st.info(_("There is nothing of this kind to translate yet."))
    else:
        st.dataframe(pd.DataFrame([{
            _("Record"): r.title, _("Fields"): len(r.fields),
            _("Translated"): r.count(translations.TRANSLATED),
            _("Outdated"): r.count(translations.OUTDATED),
            _("Not translated"): r.count(translations.MISSING),
        } for r in records]), hide_index=True, width="stretch", height=min(400, 38 + 35 * len(records)))
        by_id = {r.record_id: r for r in records}
        record_id = st.selectbox(
            _("Record"), list(by_id), key=f"translations_record_{kind}",
            format_func=lambda i: _("{title} ({done} of {total} fields translated)").format(
                title=by_id[i].title, done=by_id[i].count(translations.TRANSLATED),
                total=len(by_id[i].fields)))
        record = by_id[record_id]
        with st.form(f"translations_{kind}_{record_id}"):
            texts = {}
            for f in record.fields:
                st.markdown(f"**{inert(f.label)}** · {STATUS[f.status]}")
                with st.container(border=True):
                    st.text(f.english)
                if f.status == translations.OUTDATED:
                    st.caption(_("The English has changed since this was translated. It was "
                                 "translated from: {old}").format(old=inert(f.translated_from)))
                text = st.text_area(
                    _("{field} in Spanish").format(field=f.label), value=f.text,
                    key=f"es_{kind}_{record_id}_{f.field}", height=68 if len(f.english) < 120 else 160)
                still_right = f.status == translations.OUTDATED and st.checkbox(
                    _("This Spanish still says what the new English says"),
                    key=f"es_ok_{kind}_{record_id}_{f.field}")
                # Only what staff changed or confirmed is saved: an outdated translation left
                # alone stays outdated (and unseen by residents) rather than pass as current.
                if text.strip() != f.text or still_right:
                    texts[f.field] = text
            saved = st.form_submit_button(_("Save the Spanish version"), type="primary")
        if saved:
            with change_then_rerun() as session:
                translations.save_translations(session=session, actor=actor, kind=kind,
                                               record_id=record_id, texts=texts)

with tab_files:
    st.write(_(
        "For a translator: download every field with its English and its Spanish, fill in the "
        "translation column, and upload the file. A row whose English has changed since the "
        "file was made is refused; rows with an empty translation change nothing."
    ))
    columns = {
        "kind": (_("Kind"), _("notice, practice, indicator or survey")),
        "record_id": (_("Record id"), _("the record's id, as exported")),
        "field": (_("Field"), _("the field's name, as exported")),
        "english": (_("English"), _("the English the translation is of, as exported")),
        "translation": (_("Translation"), _("the Spanish text")),
    }
    import_section(
        kind="translations", noun=_("translations"), columns=columns,
        required=translations.REQUIRED_COLUMNS,
        run=translations.import_translations, actor=actor, on_done=lambda: None,
        ignored=tuple(c for c in translations.EXPORT_COLUMNS if c not in columns),
        current=export_when_clicked(translations.export_translations, actor),
    )
