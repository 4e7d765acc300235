"""LDAvis done natively: topic prevalence, Jensen-Shannon distances laid out on a map, relevance and saliency of
terms (Sievert & Shirley 2014), and pyLDAvis's own page offline."""
