"""TopicLens Streamlit front end: widgets, caching at one boundary, and rendering; the math lives in `models`."""
