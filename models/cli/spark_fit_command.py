"""``python -m models spark-fit INPUT --k K ...``: LDA on Apache Spark for corpora larger than one machine, saved as a
``.topiclens`` file that the app opens like any other.

Everything heavy runs inside Spark: reading (a folder of text files, a text file, a CSV or Parquet: the formats Spark
reads natively), tokenizing (English: Spark's ``RegexTokenizer`` and ``StopWordsRemover`` with the project's stop
words; Korean: Kiwi in a pandas UDF, one analyser per Python worker, loaded once and reused across tasks), the
vocabulary (``CountVectorizer``: ``--max-features`` and ``--min-df`` / ``--max-df`` as in ``corpus``), the fit
(:func:`models.lda.engines.spark_lda.fit_lda_vectors`), term frequencies, document lengths and θ. Only φ, θ of the
documents kept (all, or a uniform sample of ``--sample-docs``) and those documents' texts and tokens come back to
the driver. The same command runs on a cluster with ``--master spark://host:7077`` or ``--master yarn``.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
import warnings
from typing import Any

from models.cli import spark_input
from models.cli.arguments import finite_number, printable, whole_number, write_json
from models.cli.registry import COMMANDS
from models.errors import InputError

__all__: list[str] = []

logger = logging.getLogger(__name__)

# A Spark vocabulary's size when --max-features is not given (Spark's own CountVectorizer default, 2**18).
DEFAULT_VOCAB_SIZE = 1 << 18


def _spark_fit_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="INPUT", help="a folder of text files, a .txt, .csv/.tsv or .parquet file")
    parser.add_argument("--k", type=whole_number("--k"), required=True, help="number of topics")
    parser.add_argument("--optimizer", choices=["online", "em"], default="online", help="Spark's LDA optimizer")
    parser.add_argument(
        "--max-iter", type=whole_number("--max-iter"), default=None, help="iterations (default online 50, em 100)"
    )
    parser.add_argument("--master", default=None, help="Spark master URL (default local[*]; spark://host:7077, yarn)")
    parser.add_argument(
        "--sample-docs",
        type=whole_number("--sample-docs"),
        default=None,
        help="keep θ and the text of a uniform sample of N documents (default: all documents)",
    )
    parser.add_argument("--out", metavar="MODEL.topiclens", default=None, help="write the model for the app")
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write a summary as JSON")
    parser.add_argument("--seed", type=whole_number("--seed"), default=0, help="random seed (default 0)")
    parser.add_argument("--alpha", type=finite_number("--alpha"), default=None, help="document-topic prior")
    parser.add_argument("--eta", type=finite_number("--eta"), default=None, help="topic-word prior")
    parser.add_argument("--driver-memory", default=None, help="spark.driver.memory, e.g. 4g (local mode: all of it)")
    parser.add_argument("--language", choices=["auto", "en", "ko"], default="auto", help="text language")
    parser.add_argument(
        "--doc-mode", choices=["line", "paragraph", "file"], default="line", help="text files: one document per ..."
    )
    parser.add_argument("--text-column", default=None, help="CSV/Parquet: the text column (default: longest)")
    parser.add_argument("--encoding", default=None, help="CSV: the file's encoding (default UTF-8)")
    parser.add_argument("--min-df", type=whole_number("--min-df"), default=1, help="drop terms in fewer documents")
    parser.add_argument(
        "--max-df", type=finite_number("--max-df"), default=1.0, help="drop terms in more than this share of documents"
    )
    parser.add_argument(
        "--max-features", type=whole_number("--max-features"), default=None, help="vocabulary size (default 262,144)"
    )
    parser.add_argument(
        "--min-token-length", type=whole_number("--min-token-length"), default=None, help="shortest token kept"
    )
    parser.add_argument("--stop-words", default="", help="extra stop words, comma-separated")
    parser.add_argument("--bigrams", action="store_true", help="also count adjacent word pairs")
    parser.add_argument("--korean-verbs", action="store_true", help="Korean: keep verb/adjective stems too")
    parser.add_argument("--korean-fragments", action="store_true", help="Korean: keep Kiwi's one-syllable pieces")
    parser.add_argument("--keep-numbers", action="store_true", help="keep numbers as tokens")
    parser.add_argument("--layout", choices=["pcoa", "mmds", "tsne"], default="pcoa", help="intertopic map layout")


# --- checks before Spark starts -----------------------------------------------------------------------------------


def _check_args(args: argparse.Namespace) -> str:
    """Refuse what can be refused without Spark; returns the input's kind: "text", "csv" or "parquet"."""
    from models.lda.fit import MAX_ITERATIONS, MAX_TOPICS, SEED_MAX

    if not 1 <= args.k <= MAX_TOPICS:
        raise InputError("bad_option", option="--k", value=args.k, why=f"use 1 to {MAX_TOPICS}")
    if args.max_iter is not None and not 1 <= args.max_iter <= MAX_ITERATIONS:
        raise InputError("lda_count_too_large", name="--max-iter", value=args.max_iter, limit=MAX_ITERATIONS)
    if args.sample_docs is not None and args.sample_docs < 1:
        raise InputError("spark_sample_documents", value=args.sample_docs)
    if not 0 <= args.seed <= SEED_MAX:
        raise InputError("seed_out_of_range", value=args.seed, max_seed=SEED_MAX, engine="spark")
    for name in ("alpha", "eta"):
        value = getattr(args, name)
        if value is not None and not 0 < value <= 1000:
            raise InputError("lda_bad_prior", name=name, value=value)
    if args.min_df < 1:
        raise InputError("bad_option", option="--min-df", value=args.min_df, why="must be at least 1")
    if not args.max_df > 0:
        raise InputError("max_df_out_of_range", value=args.max_df)
    if args.max_features is not None and args.max_features < 1:
        raise InputError("bad_option", option="--max-features", value=args.max_features, why="must be at least 1")
    if args.min_token_length is not None and args.min_token_length < 1:
        raise InputError("bad_option", option="--min-token-length", value=args.min_token_length, why="at least 1")
    return spark_input.input_kind(args.input)


def _run_spark_fit(args: argparse.Namespace) -> int:
    kind = _check_args(args)
    if args.out:
        _check_writable(args.out)
    from models.lda.engines.spark_lda import spark_session

    started = time.perf_counter()
    warnings.filterwarnings("ignore", message=".*PySpark does not yet fully support pandas.*")
    from pyspark.sql import SparkSession

    running = SparkSession.getActiveSession() is not None  # e.g. the tests' session: left running
    spark = spark_session(args.master, app_name="TopicLens spark-fit", driver_memory=args.driver_memory)
    _ship_code(spark)
    try:
        return _fit(spark, args, kind, started)
    except InputError:
        raise
    except Exception as err:  # a Spark job failed: one line, not a JVM stack trace
        if type(err).__name__ in ("AnalysisException", "Py4JJavaError", "PythonException", "IllegalArgumentException"):
            detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise InputError("spark_failed", detail=detail[:300]) from None
        raise
    finally:
        if not running:
            spark.stop()


def _ship_code(spark: Any) -> None:
    """On a cluster, send this project's ``models`` package to the executors (the Korean UDF imports it)."""
    if spark.sparkContext.master.startswith("local"):
        return
    import shutil
    import tempfile

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    folder = tempfile.mkdtemp(prefix="topiclens-pyfiles-")
    archive = shutil.make_archive(os.path.join(folder, "topiclens_models"), "zip", root, "models")
    spark.sparkContext.addPyFile(archive)


def _check_writable(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        raise InputError("input_unreadable", name=printable(path), detail="cannot write there")


def _fit(spark: Any, args: argparse.Namespace, kind: str, started: float) -> int:
    import numpy as np
    from pyspark.ml.feature import CountVectorizer
    from pyspark.sql import functions as F
    from pyspark.sql.types import DoubleType, LongType, StructField, StructType

    from models.corpus.corpus import PreprocessOptions
    from models.lda.engines.spark_lda import _vector_sums, fit_lda_vectors

    options = PreprocessOptions(
        language=args.language,
        stop_words=tuple(w for w in args.stop_words.replace(",", " ").split() if w),
        min_token_length=args.min_token_length,
        bigrams=args.bigrams,
        korean_verbs=args.korean_verbs,
        korean_fragments=args.korean_fragments,
        keep_numbers=args.keep_numbers,
        min_df=args.min_df,
        max_df=args.max_df,
        max_features=args.max_features,
    )
    raw = spark_input.read_input(spark, args, kind).where(
        F.col("text").isNotNull() & (F.length(F.trim(F.col("text"))) > 0)
    )
    schema = StructType([StructField("id", LongType(), False), *raw.schema.fields])
    numbered = raw.rdd.zipWithIndex().map(lambda pair: (pair[1], *pair[0]))  # ids 0..N-1 in reading order
    documents = spark.createDataFrame(numbered, schema).cache()
    n_read = documents.count()
    if n_read == 0:
        raise InputError("spark_input_empty", name=printable(args.input))
    language = spark_input.language(documents, args.language)
    tokens = spark_input.tokenize(documents, language, options).select("id", "tokens").cache()
    vectorizer = CountVectorizer(
        inputCol="tokens",
        outputCol="features",
        vocabSize=args.max_features or DEFAULT_VOCAB_SIZE,
        minDF=float(args.min_df),
        # corpus's max_df: a share of documents up to 1.0, a count above; Spark's maxDF: a share below 1, a count from 1
        maxDF=float(args.max_df) if args.max_df != 1.0 else float(2**63 - 1),
    )
    cv_model = vectorizer.fit(tokens)
    vocab = tuple(cv_model.vocabulary)
    if not vocab:
        raise InputError("no_terms")
    if args.k > len(vocab):
        raise InputError("lda_bad_k", k=args.k, max_k=len(vocab), vocab_size=len(vocab), limit=500)
    length = F.udf(lambda v: float(v.values.sum()), DoubleType())
    vectors = (
        cv_model.transform(tokens)
        .select("id", "features")
        .withColumn("length", length("features"))
        .where(F.col("length") > 0)
        .cache()
    )
    n_docs = vectors.count()
    if n_docs == 0:
        raise InputError("no_terms")
    term_frequency, n_tokens = _vector_sums(vectors)
    sampled = args.sample_docs is not None and args.sample_docs < n_docs
    kept = vectors.orderBy(F.rand(args.seed)).limit(args.sample_docs).cache() if sampled else vectors
    kept_tokens = int(kept.agg(F.sum("length")).first()[0]) if sampled else int(n_tokens)
    logger.info("spark-fit: %d documents, %d tokens, %d terms; fitting", n_docs, int(n_tokens), len(vocab))
    fitted = time.perf_counter()
    result = fit_lda_vectors(
        vectors,
        args.k,
        optimizer=args.optimizer,
        max_iter=args.max_iter,
        alpha=args.alpha,
        eta=args.eta,
        seed=args.seed,
        theta_of=kept,
        n_tokens=kept_tokens,
        train_tokens=int(n_tokens),
    )
    fit_seconds = time.perf_counter() - fitted
    # the kept documents' texts and tokens (in text order) for the explorer's document views
    rows = (
        documents.join(kept.select("id"), "id")
        .join(tokens, "id")
        .select("id", "name", "source", "text", "meta", "tokens")
        .orderBy("id")
        .collect()
    )
    corpus = _corpus(rows, vocab, language, options, args, kind)
    if len(rows) != len(result.ids) or not np.array_equal(np.array([r["id"] for r in rows]), result.ids):
        raise InputError("spark_failed", detail="the documents and their topic mixtures do not line up")
    seconds = time.perf_counter() - started
    params = dict(result.params)
    params.update(
        {
            "documents_total": n_docs,
            "tokens_total": int(n_tokens),
            "documents_in_theta": len(rows),
            "theta_sample": sampled,
            "documents_read": n_read,
            "input": printable(args.input),
            "language": language,
            "fit_seconds": round(fit_seconds, 3),
        }
    )
    saved = _saved(result, corpus, vocab, term_frequency, params, args, seconds)
    summary = _summary(saved, params, args, seconds)
    _print(summary)
    if args.out:
        from models.cli.arguments import write_bytes
        from models.lda.saved_model import save_model

        write_bytes(args.out, save_model(saved))
    if args.json:
        write_json(args.json, summary)
    return 0


def _corpus(rows: list, vocab: tuple[str, ...], language: str, options: Any, args: argparse.Namespace, kind: str):
    """The kept documents as a :class:`~models.corpus.corpus.Corpus` (tokens outside the vocabulary left out)."""
    import numpy as np

    from models.corpus.corpus import Corpus, count_matrix
    from models.corpus.documents import FileReport, RawDocument

    index = {term: j for j, term in enumerate(vocab)}
    ids: list[int] = []
    offsets = [0]
    docs = []
    for row in rows:
        ids.extend(index[t] for t in row["tokens"] if t in index)
        offsets.append(len(ids))
        meta = tuple(sorted((str(k), "" if v is None else str(v)) for k, v in (row["meta"] or {}).items()))
        name = f"{row['source']} #{row['id'] + 1}" if kind == "text" else row["name"] or f"row {row['id'] + 1}"
        docs.append(RawDocument(text=row["text"], source=row["source"], name=name, meta=meta))
    token_ids = np.asarray(ids, dtype=np.int32)
    doc_offsets = np.asarray(offsets, dtype=np.int64)
    return Corpus(
        dtm=count_matrix(token_ids, doc_offsets, len(vocab)),
        vocab=vocab,
        token_ids=token_ids,
        doc_offsets=doc_offsets,
        documents=tuple(docs),
        language=language,
        files=(FileReport(name=printable(os.path.basename(os.path.normpath(args.input))), kind=f"spark {kind}"),),
        options=options,
    )


def _saved(result: Any, corpus: Any, vocab: tuple, term_frequency: Any, params: dict, args: Any, seconds: float):
    import numpy as np

    from models.lda.options import LdaOptions
    from models.lda.saved_model import SavedModel
    from models.lda.topic_model import TopicModel

    model = TopicModel(
        phi=result.phi,
        theta=result.theta,
        vocab=vocab,
        doc_lengths=np.diff(corpus.doc_offsets).astype(np.int64),
        term_frequency=np.rint(term_frequency).astype(np.int64),
        engine="spark",
        params=params,
        log_likelihood=((int(params["max_iter"]), float(result.log_likelihood)),),
    )
    options = LdaOptions(
        engine="spark",
        n_topics=args.k,
        alpha=args.alpha,
        eta=args.eta,
        passes=int(params["max_iter"]),
        seed=args.seed,
    )
    return SavedModel(corpus=corpus, model=model, options=options, layout=args.layout, seconds=seconds)


def _summary(saved: Any, params: dict, args: argparse.Namespace, seconds: float) -> dict[str, Any]:
    import numpy as np

    from models.lda.report import lda_report
    from models.lda.saved_exploration import base_exploration

    report = lda_report(base_exploration(saved))
    phi = saved.model.phi
    report.update(
        {
            "seconds": round(seconds, 3),
            "documents_total": params["documents_total"],
            "tokens_total": params["tokens_total"],
            "documents_in_theta": params["documents_in_theta"],
            "theta_sample": params["theta_sample"],
            "optimizer": params["optimizer"],
            "master": params["master"],
            "spark_version": params["spark_version"],
            "log_likelihood_per_token": saved.model.log_likelihood[-1][1],
            "out": printable(args.out) if args.out else None,
            "top_terms": [[saved.model.vocab[j] for j in np.argsort(-row)[:10]] for row in phi],
        }
    )
    return report


def _print(summary: dict[str, Any]) -> None:
    sample = (
        f"; θ and documents kept for a uniform sample of {summary['documents_in_theta']:,}"
        if summary["theta_sample"]
        else ""
    )
    print(
        f"Spark LDA ({summary['optimizer']}, {summary['master']}) K={summary['n_topics']} on "
        f"{summary['documents_total']:,} documents, {summary['tokens_total']:,} tokens, "
        f"{summary['vocabulary_size']:,} terms in {summary['seconds']:.1f} s{sample}"
    )
    for k, terms in enumerate(summary["top_terms"]):
        print(f"topic {k:<3} " + " ".join(terms))


COMMANDS["spark-fit"] = (_spark_fit_parser, _run_spark_fit)
