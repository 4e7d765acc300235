"""The Transformer worked out: attention with numbers, BERT's inputs, and a tiny BERT trained on the corpus."""
