"""How accessible the portal is, what is known not to work yet, and how to report a barrier."""

import streamlit as st

from portal.i18n import _
from portal.settings import get_settings
from portal.ui.links import mail_link
from portal.ui.text import inert

settings = get_settings()
county = inert(settings.county_name)

st.title(_("Accessibility statement"))
st.write(_(
    "{county} wants everyone to be able to use this portal, including people who use a "
    "screen reader, a keyboard only, a phone, or magnification. The standard it aims for is "
    "the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. That is the standard "
    "the US Department of Justice's 2024 rule sets for state and local government websites."
).format(county=county))

st.header(_("What we do"))
st.markdown(_(
    "- Every chart has a table with the same figures, and a sentence that says what it "
    "shows. Every map has a list of the places it shows.\n"
    "- Colour is not the only way anything is shown. Hidden small numbers are marked in "
    "words as well.\n"
    "- Pages are checked automatically with the axe-core accessibility checker on every "
    "change. A serious or critical finding stops the change from being released.\n"
    "- Text is written plainly, and dates are written out in full."
))

st.header(_("What does not work well yet"))
st.markdown(_(
    "- The portal's pages can be read in English and Spanish (choose the language at the top "
    "of any page), but some staff pages, and what county staff have typed, may still show "
    "in English only.\n"
    "- Some pages have not yet been checked at phone size or with a keyboard only.\n"
    "- Maps can be hard to use with a keyboard. The same places are listed in a table "
    "below each map."
))

st.header(_("Tell us about a barrier"))
st.write(_(
    "If something on this portal is hard or impossible for you to use, please tell the "
    "{county} privacy office at {address}. Say which page it was and what happened. You can "
    "also ask for any document here in another format."
).format(county=county, address=mail_link(settings.contact_email)))
