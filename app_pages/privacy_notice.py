"""What the portal stores about the people who use it, for how long, and who can read it.

Every figure comes from the live settings and tables, so the notice cannot drift from
what the portal really does (DESIGN.md §2).
"""

import streamlit as st

from portal.encryption import encrypted_columns
from portal.engagement.policy import MAX_TEXT_CHARS
from portal.i18n import N_, _, number
from portal.settings import get_settings
from portal.ui.links import mail_link
from portal.ui.text import inert

settings = get_settings()
county = inert(settings.county_name)

#: The encrypted columns in words (the table and column names are the database's own).
ENCRYPTED_MEANING = {
    ("comment", "raw_text"): N_("A comment as the resident wrote it, before redaction"),
    ("comment", "name"): N_("The name a resident gave with a comment, if any"),
    ("comment", "email"): N_("The e-mail address a resident gave with a comment, if any"),
    ("comment", "author_ref"): N_("Who wrote a comment, when a signed-in person did"),
}

st.title(_("Privacy notice"))
st.write(_(
    "This portal is where {county} publishes what it does with residents' data. It should "
    "hold as little about you as it can. This page says what it keeps, for how long, and who "
    "can read it. The figures on this page come from the portal's own settings."
).format(county=county))

st.header(_("Reading the portal"))
st.markdown(_(
    "- You need no account to read anything here or to comment.\n"
    "- The portal loads nothing from other sites: no analytics, no fonts or maps from other "
    "servers, no advertising. Your visit is not reported to anyone.\n"
    "- When you follow a link to another site, the portal asks your browser not to tell that "
    "site where you came from.\n"
    "- The portal sets only the cookies it needs to work: one that protects its forms, and "
    "one that keeps staff signed in. It sets no tracking cookies."
))

st.header(_("When you comment or answer a survey"))
st.markdown(_(
    "- **Your comment** (up to {limit} characters) is checked for personal "
    "details such as phone numbers, e-mail and street addresses. Those are removed before "
    "anything is published, and moderators read it before it appears.\n"
    "- **Your name and e-mail address** are optional. They are never published, and only the "
    "county's moderators can read them.\n"
    "- **The full text as you sent it** and your contact details are kept for "
    "**{days} days**. After that they are deleted, and only the "
    "published, redacted text stays.\n"
    "- **Your receipt code** lets you look up your comment's status later. It is not linked "
    "to your name.\n"
    "- **To stop abuse**, the portal counts how many comments come from one network each "
    "hour. It never stores your internet address, only a scrambled form of it that changes "
    "every day. These counts are deleted when the day is over.\n"
    "- **Survey answers** are counted. Free-text answers are handled like comments."
).format(limit=number(MAX_TEXT_CHARS), days=number(settings.retention_days)))

st.header(_("Small numbers are hidden"))
st.write(_(
    "Published counts and rates that cover fewer than **{k}** people "
    "are hidden. So are any other cells that would let someone work out a hidden one. This "
    "keeps anyone from being picked out of a table."
).format(k=number(settings.suppression_k)))

st.header(_("What is stored encrypted"))
st.write(_(
    "These fields are encrypted in the database. Someone who copies the database without "
    "the county's keys cannot read them:"
))
st.dataframe(
    [{_("Table"): table, _("Field"): column.replace("_", " "),
      _("What it holds"): _(ENCRYPTED_MEANING.get((table, column), ""))}
     for table, column in encrypted_columns()],
    hide_index=True,
)

st.header(_("Who can read what, and the record of decisions"))
st.markdown(_(
    "- **Everyone** can read what is published: notices, the sharing inventory, the request "
    "log, data with small numbers hidden, and comments after moderation.\n"
    "- **Moderators** read comments before they are published. **County staff** edit the "
    "records they are responsible for. **Privacy commissioners** read the audit log.\n"
    "- **Every decision** is written to an audit log that cannot be edited: each "
    "moderation decision, publication, change and role granted. The portal signs the log "
    "regularly, so anyone who keeps a copy of a signed checkpoint can check that nothing "
    "was later removed or rewritten (see Audit checkpoints)."
))
st.write(_(
    "Questions about this notice or your data go to the {county} privacy office ({address})."
).format(county=county, address=mail_link(settings.contact_email)))
