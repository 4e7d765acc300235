"""Reading and tokenizing a large input inside Spark for ``python -m models spark-fit``: a folder of text files, a
text file, a CSV/TSV or Parquet (the formats Spark reads natively), English through Spark's ``RegexTokenizer`` and
``StopWordsRemover`` with the project's stop words, Korean through Kiwi in a pandas UDF. pyspark is imported inside
the functions only."""

from __future__ import annotations

import argparse
import os
from typing import Any

from models.cli.arguments import printable
from models.errors import InputError

__all__ = ["input_kind", "language", "read_input", "tokenize"]

_TEXT_EXTENSIONS = (".txt", ".md", ".text")
_CSV_EXTENSIONS = (".csv", ".tsv")
_TITLE_COLUMNS = ("title", "제목")


def input_kind(path: str) -> str:
    name = printable(path)
    is_remote = "://" in path  # hdfs://, s3a://: Spark checks it
    if not is_remote and not os.path.exists(path):
        raise InputError("input_not_found", name=name, names="none for spark-fit")
    lower = path.lower().rstrip("/")
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith(_CSV_EXTENSIONS):
        return "csv"
    if not is_remote and os.path.isdir(path):
        entries = [e for e in os.listdir(path) if not e.startswith((".", "_"))]
        if entries and all(e.endswith(".parquet") for e in entries):
            return "parquet"
        if not entries:
            raise InputError("spark_input_empty", name=name)
        return "text"
    if lower.endswith(_TEXT_EXTENSIONS) or is_remote:
        return "text"
    ext = os.path.splitext(lower)[1] or "(no extension)"
    raise InputError("spark_input_format", name=name, ext=ext)


# --- reading and tokenizing in Spark ------------------------------------------------------------------------------


def read_input(spark: Any, args: argparse.Namespace, kind: str) -> Any:
    """The documents as a DataFrame of ``name``, ``source``, ``text`` and ``meta`` (map of the other columns)."""
    from pyspark.sql import functions as F

    source = os.path.basename(os.path.normpath(args.input)) or args.input
    if kind == "text":
        files = F.regexp_extract(F.input_file_name(), r"([^/]+)$", 1)
        if args.doc_mode == "line":
            df = spark.read.text(args.input).select(files.alias("source"), F.col("value").alias("text"))
        else:
            df = spark.read.text(args.input, wholetext=True).select(files.alias("source"), F.col("value").alias("text"))
            if args.doc_mode == "paragraph":
                df = df.select("source", F.explode(F.split("text", r"\n\s*\n")).alias("text"))
        df = df.withColumn("name", F.col("source"))
        return df.select("name", "source", "text", F.create_map().cast("map<string,string>").alias("meta"))
    if kind == "csv":
        reader = spark.read.option("header", True).option("multiLine", True).option("escape", '"')
        if args.input.lower().endswith(".tsv"):
            reader = reader.option("sep", "\t")
        if args.encoding:
            reader = reader.option("encoding", args.encoding)
        df = reader.csv(args.input)
    else:
        df = spark.read.parquet(args.input)
    strings = [f.name for f in df.schema.fields if f.dataType.simpleString() == "string"]
    column = args.text_column
    if column is None:
        if not strings:
            raise InputError("spark_no_text_column", name=printable(source), column="", columns="(none)")
        lengths = df.limit(1000).select([F.avg(F.length(F.col(f"`{c}`"))).alias(c) for c in strings]).first()
        column = max(strings, key=lambda c: lengths[c] or 0)
    elif column not in strings:
        raise InputError(
            "spark_no_text_column", name=printable(source), column=f" '{column}'", columns=", ".join(strings)
        )
    title = next((c for c in df.columns if c.lower() in _TITLE_COLUMNS and c != column), None)
    others = [c for c in df.columns if c != column]
    meta = (
        F.create_map(*[x for c in others for x in (F.lit(c), F.col(f"`{c}`").cast("string"))])
        if others
        else F.create_map().cast("map<string,string>")
    )
    return df.select(
        (F.col(f"`{title}`").cast("string") if title else F.lit(None).cast("string")).alias("name"),
        F.lit(source).alias("source"),
        F.col(f"`{column}`").cast("string").alias("text"),
        meta.alias("meta"),
    )


def tokenize(df: Any, language: str, options: Any) -> Any:
    """Add ``tokens`` (array of terms before the vocabulary filters) to ``df``."""
    from pyspark.ml.feature import NGram, RegexTokenizer, StopWordsRemover
    from pyspark.sql import functions as F

    from models.corpus import stopwords

    extra = frozenset(w.strip().lower() for w in options.stop_words if w.strip())
    if language == "ko":
        df = df.withColumn("tokens", _korean_udf(options)(F.col("text")))
    else:
        letters = r"[^\W_]" if options.keep_numbers else r"[^\W\d_]"
        clean = F.regexp_replace(F.lower(F.col("text")), "’", "'")
        clean = F.regexp_replace(clean, rf"(?U)(?<={letters})'s(?!{letters})", "")  # Seoul's -> seoul, as tokenize.py
        df = df.withColumn("_clean", clean)
        tokenizer = RegexTokenizer(
            inputCol="_clean",
            outputCol="_words",
            pattern=rf"(?U){letters}+(?:'{letters}+)?",
            gaps=False,
            toLowercase=False,
            minTokenLength=options.min_token_length or 2,
        )
        remover = StopWordsRemover(
            inputCol="_words", outputCol="tokens", stopWords=sorted(stopwords.ENGLISH | extra), caseSensitive=True
        )
        df = remover.transform(tokenizer.transform(df)).drop("_clean", "_words")
    if options.bigrams:
        df = NGram(n=2, inputCol="tokens", outputCol="_pairs").transform(df)
        df = df.withColumn("tokens", F.concat("tokens", "_pairs")).drop("_pairs")
    return df


def _korean_udf(options: Any) -> Any:
    """Kiwi as a pandas UDF: each Python worker loads one analyser (``models.corpus.tokenize``'s cached Kiwi, reused
    by every batch of every task the worker runs) and tokenizes as ``corpus`` does (long documents in pieces)."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    def korean_tokens(texts):  # type: ignore[no-untyped-def]
        from models.corpus.preprocess import iter_document_tokens

        return pd.Series(list(iter_document_tokens(texts.fillna("").tolist(), options, "ko")))

    # Spark reads the type hints to choose the UDF's kind; with postponed annotations they would be strings
    korean_tokens.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    korean_tokens = pandas_udf(korean_tokens, "array<string>")
    return korean_tokens


def language(df: Any, requested: str) -> str:
    if requested != "auto":
        return requested
    from models.corpus.tokenize import detect_language

    return detect_language([r["text"] or "" for r in df.select("text").limit(200).collect()])


# --- the command --------------------------------------------------------------------------------------------------
