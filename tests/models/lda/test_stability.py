"""Topic stability across seeds: 1.0 for identical runs, lower for a corpus with an ambiguous planted topic."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from models.errors import InputError
from models.lda.fit import fit_lda
from models.lda.options import LdaOptions
from models.lda.stability import stability_of, topic_stability
from models.synthetic import ambiguous, block_diagonal

OPTIONS = LdaOptions(n_topics=5, workers=1, iterations=100, seed=0)


def test_identical_runs_are_fully_stable() -> None:
    corpus = block_diagonal().corpus
    reference = fit_lda(corpus, OPTIONS)
    same = [fit_lda(corpus, OPTIONS) for _ in range(2)]  # the same seed: the same model
    result = stability_of(reference, same)
    assert result.mean == 1.0
    np.testing.assert_allclose(result.similarity, 1.0)
    assert all(len(words) == 10 for words in result.stable_words)


def test_clear_topics_stable_ambiguous_topic_not() -> None:
    clear, _ = topic_stability(block_diagonal().corpus, OPTIONS, n_runs=4)
    assert clear.mean == 1.0 and clear.unstable().size == 0
    planted = ambiguous()
    unsure, runs = topic_stability(planted.corpus, OPTIONS, n_runs=4)
    assert len(runs) == 4 and unsure.seeds == (1, 2, 3, 4)
    assert unsure.mean < 0.95  # measured 0.9 (seed 0) and 0.6 (seed 1)
    assert unsure.mean < clear.mean and unsure.per_topic.max() == 1.0  # some topics do come back every time
    assert unsure.unstable(below=1.0).size >= 1


def test_run_count_checked() -> None:
    with pytest.raises(InputError):
        topic_stability(block_diagonal().corpus, dataclasses.replace(OPTIONS), n_runs=0)
