"""What ``portal serve`` answers besides Streamlit's own pages, on the same port (``st.App``)."""
