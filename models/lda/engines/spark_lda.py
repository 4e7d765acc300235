"""LDA on Apache Spark (``pyspark.ml.clustering.LDA``: online variational Bayes or EM), as a :class:`TopicModel`.

For corpora that outgrow one machine: the same code runs in local mode (``local[*]``, the default, which is how the
tests and CI run it) and on a cluster (``master="spark://host:7077"`` or ``"yarn"``). The ``spark-fit`` command
(:mod:`models.cli.spark_fit_command`) reads, tokenizes and vectorizes inside Spark; :func:`fit_spark` is the engine
``"spark"`` behind :func:`models.lda.fit_lda` and fits the current (in-memory) corpus.

pyspark is optional (``requirements-spark.txt``) and needs a Java runtime (17 or newer); it is imported only when a
Spark fit runs, never when this module is imported (:func:`spark_available` checks without importing it).

Determinism: Spark seeds its random start and its mini-batch samples from ``seed``, and the documents are split
into a fixed number of partitions (:data:`DEFAULT_PARTITIONS`, not the machine's core count), so a seed gives the
same topics on any machine up to floating-point summation order: Spark adds the partitions' statistics in the order
their tasks finish, so two runs of the same seed agree closely (the tests ask for φ equal to 1e-6 relative), not
necessarily bit for bit. ``spark-fit`` keeps the input's own splits, so there a seed repeats for the same input
files and the same Spark configuration.
"""

from __future__ import annotations

import atexit
import importlib.util
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from typing import Any

import numpy as np

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.engines import count_matrix, normalise_rows
from models.lda.options import LdaOptions, Progress
from models.lda.topic_model import TopicModel

__all__ = [
    "DEFAULT_MASTER",
    "DEFAULT_MAX_ITER",
    "DEFAULT_PARTITIONS",
    "OPTIMIZERS",
    "SparkLdaResult",
    "fit_lda_vectors",
    "fit_spark",
    "spark_available",
    "spark_missing",
    "spark_session",
]

logger = logging.getLogger(__name__)

OPTIMIZERS: tuple[str, ...] = ("online", "em")
DEFAULT_MASTER = "local[*]"
# Iterations (Spark's maxIter) and the engine's optimizer, chosen by measured topic recovery as for the other
# engines (models.lda.engines.sklearn_lda): the worst planted topic's best cosine, "fail" below 0.9, data and fit
# seeds s = 0..3, block = block_diagonal(seed=s), gen5 = generative(300 docs, 5 topics, 300 terms, seed=s); local[2].
# Failed fits of 4 (one start each; seconds per fit on a loaded 2-core machine, load average 7):
#                                                        block  gen5   s/fit
#   online, 50 iterations, whole corpus per step            3     4     6-10
#   online, 50 iterations, alpha not optimised              3     4     9-10
#   online, 200 iterations, 10% mini-batches                2     4    20-27
#   em, 100 iterations                                      0     0    14-30  (worst 0.96)
# Online VB merges planted topics from its random start as gensim's and scikit-learn's do (they screen several
# starts; a Spark start costs seconds of job overhead even on a tiny corpus), so the in-app engine uses EM. Online
# remains the optimizer for large corpora (spark-fit's default, Spark's own): EM keeps a graph of every
# document-term pair across iterations and needs checkpoints; online streams mini-batches.
DEFAULT_MAX_ITER = {"online": 50, "em": 100}
ENGINE_OPTIMIZER = "em"
# Online: the share of the documents in each mini-batch when the corpus is small enough to take all of it.
BATCH_DOCUMENTS = 100_000
# Partitions of the document vectors: fixed, so that a seed gives the same mini-batches on any machine.
DEFAULT_PARTITIONS = 4

_session_lock = threading.Lock()
_LOG_CONFIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spark_log4j2.properties")


def spark_missing() -> str | None:
    """What is missing to run Spark here: "pyspark", "java", or None when both are installed.

    Nothing is imported or started: pyspark is looked up with ``importlib.util.find_spec`` and Java as
    ``$JAVA_HOME/bin/java`` or ``java`` on the PATH.
    """
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark"
    java_home = os.environ.get("JAVA_HOME")
    if java_home and os.access(os.path.join(java_home, "bin", "java"), os.X_OK):
        return None
    return None if shutil.which("java") else "java"


def spark_available() -> bool:
    """True when pyspark and a Java runtime are installed (see :func:`spark_missing`)."""
    return spark_missing() is None


def spark_session(master: str | None = None, app_name: str = "TopicLens", driver_memory: str | None = None) -> Any:
    """The process's SparkSession (``pyspark.sql.SparkSession``), started on first use.

    Parameters
    ----------
    master : str, optional
        ``local[*]`` (default), ``local[2]``, ``spark://host:7077``, ``yarn``, ...; ignored when a session is
        already running in this process (Spark keeps one per process).
    app_name : str
        The application's name in Spark's UI and logs.
    driver_memory : str, optional
        ``spark.driver.memory`` (e.g. "2g"); in local mode the driver is the whole computation.

    Raises
    ------
    InputError
        ``spark_unavailable`` when pyspark or Java is missing.
    """
    missing = spark_missing()
    if missing:
        raise InputError("spark_unavailable", missing=missing)
    # Spark's Python workers (for the Korean tokenizer UDF) must run this interpreter, with this project importable.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    path = os.environ.get("PYTHONPATH", "")
    if root not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, path) if p)
    from pyspark.sql import SparkSession

    master = master or os.environ.get("TOPICLENS_SPARK_MASTER") or DEFAULT_MASTER
    with _session_lock:
        builder = (
            SparkSession.builder.master(master)
            .appName(app_name)
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{_LOG_CONFIG}")
        )
        if master.startswith("local"):
            # one machine: no web UI, few shuffle partitions (Spark's 200 are for clusters)
            builder = builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
        if driver_memory:
            builder = builder.config("spark.driver.memory", driver_memory)
        started = time.perf_counter()
        try:
            spark = builder.getOrCreate()
        except Exception as err:  # the JVM did not start (Java too old, no memory, a bad master URL)
            raise InputError("spark_start_failed", master=master, detail=_short(err)) from None
        spark.sparkContext.setLogLevel("ERROR")
    logger.info("Spark %s session on %s in %.1f s", spark.version, master, time.perf_counter() - started)
    return spark


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text[:300] + ("…" if len(text) > 300 else "")


class SparkLdaResult:
    """A fitted Spark LDA model and what was computed with it (everything as NumPy arrays on the driver).

    Attributes
    ----------
    phi : ndarray (K × V)
        Topics, each row normalised (``topicsMatrix()`` transposed; for the online optimizer it is the
        variational parameter λ, for EM the expected counts plus the prior).
    theta : ndarray (D × K)
        ``transform``'s ``topicDistribution`` of the documents asked for, in the order of their ids.
    ids : ndarray (D,)
        Those documents' ids.
    log_likelihood : float
        Per token: online, Spark's variational bound on those documents (``logLikelihood``); EM, the model's
        log-likelihood of its training documents (``trainingLogLikelihood``). NaN when Spark gives NaN.
    params : dict
        What was fitted (K, optimizer, priors Spark used, iterations, seed, partitions, Spark's version, master).
    """

    def __init__(
        self, phi: np.ndarray, theta: np.ndarray, ids: np.ndarray, log_likelihood: float, params: dict[str, Any]
    ) -> None:
        self.phi, self.theta, self.ids, self.log_likelihood, self.params = phi, theta, ids, log_likelihood, params


def fit_lda_vectors(
    vectors: Any,
    n_topics: int,
    *,
    optimizer: str = "online",
    max_iter: int | None = None,
    alpha: float | None = None,
    eta: float | None = None,
    seed: int = 0,
    theta_of: Any = None,
    n_tokens: int | None = None,
    train_tokens: int | None = None,
) -> SparkLdaResult:
    """Fit ``pyspark.ml.clustering.LDA`` on a DataFrame of ``id`` (long) and ``features`` (count vectors).

    Parameters
    ----------
    vectors : pyspark.sql.DataFrame
        One row per document: ``id`` and ``features`` (term counts, as ``CountVectorizer`` writes them).
    n_topics : int
    optimizer : {"online", "em"}
    max_iter : int, optional
        Default :data:`DEFAULT_MAX_ITER` for the optimizer.
    alpha, eta : float, optional
        ``docConcentration`` and ``topicConcentration``; None is Spark's default (online: 1/K; EM: 50/K + 1 and
        1.1; EM needs both above 1).
    seed : int
    theta_of : pyspark.sql.DataFrame, optional
        The documents (same columns) whose θ is wanted; by default all of ``vectors``.
    n_tokens, train_tokens : int, optional
        Tokens in ``theta_of`` and in ``vectors`` (for the per-token log-likelihood); counted here when not given.
    """
    from pyspark.ml.clustering import LDA

    if optimizer not in OPTIMIZERS:
        raise InputError("bad_option", option="--optimizer", value=optimizer, why="use online or em")
    max_iter = max_iter or DEFAULT_MAX_ITER[optimizer]
    if optimizer == "em":
        for name, value in (("alpha", alpha), ("eta", eta)):
            if value is not None and value <= 1:
                raise InputError("spark_em_prior", name=name, value=value)
    n_docs = vectors.count()
    lda = LDA(
        k=n_topics,
        maxIter=max_iter,
        optimizer=optimizer,
        seed=int(seed) % (2**63),
        featuresCol="features",
        topicDistributionCol="topicDistribution",
        checkpointInterval=10,
    )
    if optimizer == "em":
        # EM's graph grows a lineage per iteration: without checkpoints the JVM's stack overflows (~100 iterations)
        _checkpoint_dir(vectors.sparkSession)
    if optimizer == "online":
        # The whole corpus in every step (batch VB) while it is small; a mini-batch of about BATCH_DOCUMENTS
        # documents for a large one. Learning the asymmetric α (Spark's default) stays on.
        lda.setSubsamplingRate(min(1.0, BATCH_DOCUMENTS / max(n_docs, 1)))
    if alpha is not None:
        lda.setDocConcentration([float(alpha)])
    if eta is not None:
        lda.setTopicConcentration(float(eta))
    model = lda.fit(vectors)
    topics = model.topicsMatrix().toArray().T  # K × V
    phi = normalise_rows(topics)
    target = vectors if theta_of is None else theta_of
    rows = model.transform(target).select("id", "topicDistribution").orderBy("id").collect()
    ids = np.fromiter((r["id"] for r in rows), dtype=np.int64, count=len(rows))
    theta = normalise_rows(np.array([r["topicDistribution"].toArray() for r in rows]).reshape(len(rows), n_topics))
    if optimizer == "em":
        # the EM model's own log-likelihood of its training documents (its variational bound on new documents came
        # out NaN on a planted corpus)
        tokens = train_tokens if train_tokens is not None else _vector_sums(vectors)[1]
        per_token = float(model.trainingLogLikelihood()) / max(tokens, 1)
    else:
        tokens = n_tokens if n_tokens is not None else _vector_sums(target)[1]
        per_token = float(model.logLikelihood(target)) / max(tokens, 1)
    doc_concentration = [float(x) for x in model.estimatedDocConcentration().toArray()]
    params: dict[str, Any] = {
        "n_topics": n_topics,
        "optimizer": optimizer,
        "max_iter": max_iter,
        "alpha": doc_concentration[0] if len(set(doc_concentration)) == 1 else doc_concentration,
        "eta": _effective(model, "getEffectiveTopicConcentration", eta),
        "seed": int(seed),
        "subsampling_rate": float(lda.getSubsamplingRate()),
        "partitions": vectors.rdd.getNumPartitions(),
        "spark_version": vectors.sparkSession.version,
        "master": vectors.sparkSession.sparkContext.master,
    }
    return SparkLdaResult(phi, theta, ids, per_token, params)


def _checkpoint_dir(spark: Any) -> None:
    """A checkpoint folder for EM (a temporary folder in local mode; on a cluster ``$TOPICLENS_SPARK_CHECKPOINTS``,
    which must be on storage every executor sees, e.g. HDFS)."""
    context = spark.sparkContext
    if context.getCheckpointDir():
        return
    folder = os.environ.get("TOPICLENS_SPARK_CHECKPOINTS")
    if not folder:
        folder = tempfile.mkdtemp(prefix="topiclens-spark-checkpoints-")
        atexit.register(shutil.rmtree, folder, True)
    context.setCheckpointDir(folder)


def _effective(model: Any, getter: str, given: float | None) -> float | None:
    """A prior as Spark used it (its default when none was given), read from the JVM model."""
    try:
        return float(getattr(model._java_obj, getter)())
    except Exception:  # an older Spark without the getter
        return given


def _vector_sums(vectors: Any) -> tuple[np.ndarray, float]:
    """Column sums of ``features`` (term frequencies) and their total, computed in Spark."""
    from pyspark.ml.stat import Summarizer

    row = vectors.select(Summarizer.sum(vectors["features"]).alias("s")).first()
    sums = row["s"].toArray() if row and row["s"] is not None else np.zeros(0)
    return sums, float(sums.sum())


def corpus_vectors(spark: Any, corpus: Corpus, partitions: int = DEFAULT_PARTITIONS) -> Any:
    """The corpus's document-term counts as a Spark DataFrame of ``id`` and ``features`` (sparse vectors)."""
    from pyspark.ml.linalg import SparseVector, VectorUDT
    from pyspark.sql.types import LongType, StructField, StructType

    X = count_matrix(corpus)
    n_terms = X.shape[1]
    rows = [
        (d, SparseVector(n_terms, X.indices[X.indptr[d] : X.indptr[d + 1]], X.data[X.indptr[d] : X.indptr[d + 1]]))
        for d in range(X.shape[0])
    ]
    schema = StructType([StructField("id", LongType(), False), StructField("features", VectorUDT(), False)])
    return spark.createDataFrame(rows, schema).repartition(partitions, "id").cache()


def fit_spark(
    corpus: Corpus,
    options: LdaOptions,
    progress: Progress | None = None,
    *,
    optimizer: str = ENGINE_OPTIMIZER,
    master: str | None = None,
) -> TopicModel:
    """Fit LDA with Spark MLlib on the current corpus (the engine ``"spark"`` of :func:`models.lda.fit_lda`).

    Parameters
    ----------
    corpus : Corpus
    options : LdaOptions
        ``n_topics``; ``alpha`` (docConcentration), ``eta`` (topicConcentration); ``passes`` or ``iterations``
        (Spark's maxIter, the first given; default :data:`DEFAULT_MAX_ITER`); ``seed``.
    progress : callable, optional
        Spark reports nothing between its iterations: called at the start (0 of 3), when Spark has started (1 of 3),
        after the fit (2 of 3) and when θ is computed (3 of 3). It may raise ``FitCancelled`` at those points.
    optimizer : {"online", "em"}
        Default EM (:data:`ENGINE_OPTIMIZER`: online VB from one random start merged planted topics, see above).
    master : str, optional
        Spark master URL (default ``local[*]``, or ``$TOPICLENS_SPARK_MASTER``).

    Returns
    -------
    TopicModel
        ``engine="spark"``; ``log_likelihood`` holds one point, (maxIter, Spark's bound per token); doc lengths and
        term frequencies come from the corpus's counts.
    """
    if progress:
        progress(0, 3, None)
    # the app's worker processes have a memory limit: Spark's heap is set, not left at a quarter of the machine
    spark = spark_session(master, driver_memory=os.environ.get("TOPICLENS_SPARK_DRIVER_MEMORY", "2g"))
    if progress:
        progress(1, 3, None)
    vectors = corpus_vectors(spark, corpus)
    try:
        result = fit_lda_vectors(
            vectors,
            options.n_topics,
            optimizer=optimizer,
            max_iter=options.passes or options.iterations,
            alpha=None if options.alpha in (None, "auto") else float(options.alpha),
            eta=options.eta,
            seed=options.seed,
            n_tokens=corpus.n_tokens,
            train_tokens=corpus.n_tokens,
        )
        if progress:
            progress(2, 3, result.log_likelihood)
    finally:
        vectors.unpersist()
    X = count_matrix(corpus)
    theta = np.zeros((X.shape[0], options.n_topics))
    theta[result.ids] = result.theta
    if progress:
        progress(3, 3, result.log_likelihood)
    return TopicModel(
        phi=result.phi,
        theta=normalise_rows(theta),
        vocab=tuple(corpus.vocab),
        doc_lengths=np.asarray(X.sum(axis=1)).ravel().astype(np.int64),
        term_frequency=np.asarray(X.sum(axis=0)).ravel().astype(np.int64),
        engine="spark",
        params=result.params,
        log_likelihood=((result.params["max_iter"], result.log_likelihood),),
    )
