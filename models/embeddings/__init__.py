"""Word embeddings: the lecture's Word2vec examples worked out, a small NumPy trainer to watch, and gensim's
Word2Vec trained on the user's corpus (Mikolov et al. 2013)."""
