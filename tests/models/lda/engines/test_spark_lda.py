"""Spark MLlib adapter (local mode): planted topics come back through fit_lda, φ is normalised, a seed repeats,
and Spark is offered only where pyspark and Java are installed.

Marked ``spark``: CI runs them (.ci/run installs pyspark and Java); skip locally with ``-m "not spark"``.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from models.errors import InputError
from models.lda import fit as fit_module
from models.lda.engines import spark_lda
from models.lda.options import ENGINES, LdaOptions, available_engines
from models.synthetic import block_diagonal, generative, topic_recovery


def _need_spark() -> None:
    if not spark_lda.spark_available():
        if os.environ.get("CI") or os.environ.get("TOPICLENS_REQUIRE_SPARK"):
            pytest.fail(f"Spark is not installed here ({spark_lda.spark_missing()}); .ci/run should install it")
        pytest.skip(
            f"Spark is not installed ({spark_lda.spark_missing()} missing): pip install -r requirements-spark.txt"
        )


@pytest.fixture(scope="module")
def spark():
    _need_spark()
    return spark_lda.spark_session("local[2]")


@pytest.mark.spark
def test_recovers_block_diagonal_topics_through_fit_lda(spark):
    block = block_diagonal()
    calls = []
    model = fit_module.fit_lda(block.corpus, LdaOptions(engine="spark", n_topics=5), lambda *a: calls.append(a))
    assert topic_recovery(block.phi, model.phi).min() >= 0.9
    assert topic_recovery(block.theta.T, model.theta.T).min() >= 0.9
    assert model.engine == "spark" and model.params["optimizer"] == "em"
    np.testing.assert_array_equal(model.doc_lengths, block.corpus.doc_lengths)
    np.testing.assert_array_equal(model.term_frequency, block.corpus.term_frequency)
    assert [c[:2] for c in calls] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert np.isfinite(model.log_likelihood[-1][1])


@pytest.mark.spark
def test_recovers_generative_topics(spark):
    planted = generative(n_docs=300, n_topics=5, n_terms=300, seed=0)
    model = spark_lda.fit_spark(planted.corpus, LdaOptions(engine="spark", n_topics=5, seed=0))
    assert topic_recovery(planted.phi, model.phi).min() >= 0.9
    assert topic_recovery(planted.theta.T, model.theta.T).min() >= 0.9


@pytest.mark.spark
def test_online_topics_are_normalised_and_a_seed_repeats(spark):
    corpus = block_diagonal(seed=1).corpus
    options = LdaOptions(engine="spark", n_topics=5, passes=10, seed=3)
    a = spark_lda.fit_spark(corpus, options, optimizer="online")
    b = spark_lda.fit_spark(corpus, options, optimizer="online")
    np.testing.assert_allclose(a.phi.sum(axis=1), 1.0)
    np.testing.assert_allclose(a.theta.sum(axis=1), 1.0)
    assert a.params["optimizer"] == "online" and a.params["max_iter"] == 10
    # same seed, same partitions: the same model up to the order in which Spark adds the partitions' statistics
    np.testing.assert_allclose(a.phi, b.phi, rtol=1e-6, atol=1e-9)
    c = spark_lda.fit_spark(corpus, LdaOptions(engine="spark", n_topics=5, passes=10, seed=4), optimizer="online")
    assert not np.allclose(a.phi, c.phi, atol=1e-3)


@pytest.mark.spark
def test_em_refuses_priors_spark_cannot_take(spark):
    corpus = block_diagonal().corpus
    with pytest.raises(InputError, match="above 1"):
        spark_lda.fit_spark(corpus, LdaOptions(engine="spark", n_topics=5, alpha=0.5))


def test_spark_is_offered_only_with_pyspark_and_java(monkeypatch):
    assert "spark" in ENGINES and fit_module.MAX_PRIOR["spark"] > 0
    monkeypatch.setattr(spark_lda.importlib.util, "find_spec", lambda name: None)
    assert spark_lda.spark_missing() == "pyspark" and "spark" not in available_engines()
    monkeypatch.undo()
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    if spark_lda.importlib.util.find_spec("pyspark") is not None:
        assert spark_lda.spark_missing() == "java"
    assert available_engines() == ("gibbs", "gensim", "sklearn")
    with pytest.raises(InputError, match=r"requirements-spark\.txt"):
        spark_lda.spark_session()
