"""Tables that name documents: the columns that keep a document's identity in every table and download."""

from __future__ import annotations

import pandas as pd

from app.i18n import t
from models.corpus.corpus import Corpus


def identity_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per document: its id, name, source file and every metadata column, in corpus order.

    The id is the document's 1-based position in the corpus (``#``); the name carries a table's title column
    (``file #row · title``); a table's other columns are the documents' metadata (:class:`RawDocument.meta`), kept
    under their own header, so a download can be joined back to the user's table. A metadata column whose header
    clashes with one of these gets the suffix `` (table)``.

    Parameters
    ----------
    corpus : Corpus

    Returns
    -------
    pandas.DataFrame of shape (n_documents, 3 + n_metadata_columns)
    """
    documents = corpus.documents
    frame = pd.DataFrame(
        {
            "#": range(1, len(documents) + 1),
            t("col_name"): [d.name for d in documents],
            t("col_file"): [d.source for d in documents],
        }
    )
    for key in dict.fromkeys(k for d in documents for k, _ in d.meta):
        header = key if key not in frame.columns else f"{key} (table)"
        frame[header] = [d.meta_dict.get(key, "") for d in documents]
    return frame


def with_identity(corpus: Corpus, values: pd.DataFrame) -> pd.DataFrame:
    """``values`` (one row per document, in corpus order) with the documents' identity columns in front."""
    return pd.concat([identity_frame(corpus), values.reset_index(drop=True)], axis=1)
