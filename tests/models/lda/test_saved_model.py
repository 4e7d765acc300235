"""The .topiclens file: a round trip gives the same φ, θ, names, merges and corpus; hostile files are refused."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import pickle
import zipfile

import numpy as np
import pytest

from models.corpus.corpus import Corpus
from models.corpus.documents import RawDocument
from models.errors import InputError
from models.lda.explore import explore_lda
from models.lda.options import LdaOptions
from models.lda.saved_exploration import exploration_of, saved_from
from models.lda.saved_model import FORMAT_VERSION, content_hash, open_saved, save_model
from models.synthetic import generative


@pytest.fixture(scope="module")
def saved_bytes() -> tuple:
    planted = generative(n_docs=40, n_topics=4, n_terms=60, doc_length=30, seed=5)
    corpus = planted.corpus
    documents = tuple(
        dataclasses.replace(d, meta=(("date", f"2024-0{1 + i % 9}-01"), ("제목", f"글 {i}")))
        for i, d in enumerate(corpus.documents)
    )
    corpus = dataclasses.replace(corpus, documents=documents)
    exploration = explore_lda(corpus, LdaOptions(engine="gibbs", n_topics=5, iterations=20, seed=2, workers=1))
    saved = saved_from(exploration, corpus, merges=((1, 3),), names={1: "merged 1+3"}, base_names={0: "첫 토픽"})
    return exploration, corpus, save_model(saved)


def _rezip(data: bytes, change: dict[str, bytes | None], rehash: bool = True) -> bytes:
    """A copy of a .topiclens file with members replaced, added (bytes) or removed (None), the hashes redone."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    for name, value in change.items():
        if value is None:
            members.pop(name, None)
        else:
            members[name] = value
    if rehash:
        manifest = json.loads(members["manifest.json"])
        hashes = {n: hashlib.sha256(members[n]).hexdigest() for n in manifest["members"] if n in members}
        manifest["members"], manifest["content_hash"] = hashes, content_hash(hashes)
        members["manifest.json"] = json.dumps(manifest).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, value in members.items():
            archive.writestr(name, value)
    return out.getvalue()


def test_round_trip_gives_the_same_model_corpus_and_view(saved_bytes: tuple) -> None:
    exploration, corpus, data = saved_bytes
    saved = open_saved(data, "a.topiclens")
    np.testing.assert_array_equal(saved.model.phi, exploration.model.phi)
    np.testing.assert_array_equal(saved.model.theta, exploration.model.theta)
    for a, b in zip(saved.model.assignments, exploration.model.assignments, strict=True):
        np.testing.assert_array_equal(a, b)
    assert saved.model.params == exploration.model.params
    assert saved.model.log_likelihood == exploration.model.log_likelihood
    assert saved.options == exploration.options
    assert saved.merges == ((1, 3),) and saved.names == {1: "merged 1+3"} and saved.base_names == {0: "첫 토픽"}
    assert saved.corpus.vocab == corpus.vocab and saved.corpus.documents == corpus.documents
    np.testing.assert_array_equal(saved.corpus.token_ids, corpus.token_ids)
    assert (saved.corpus.dtm != corpus.dtm).nnz == 0
    assert saved.corpus.options == corpus.options and saved.corpus.language == corpus.language
    assert len(saved.content_hash) == 64
    view = exploration_of(saved)
    assert view.model.n_topics == 4
    from models.lda.merge import explore_merged

    expected = explore_merged(exploration, corpus, ((1, 3),))
    np.testing.assert_allclose(view.vis.coordinates, expected.vis.coordinates)
    np.testing.assert_array_equal(view.model.theta, expected.model.theta)
    assert save_model(saved) == data  # saving what was opened writes the same bytes


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"evil.pkl": pickle.dumps({"x": 1})}, "saved_unexpected_member"),
        ({"../evil": b"x"}, "saved_unsafe_member"),
        ({"/etc/evil": b"x"}, "saved_unsafe_member"),
        ({"model.json": None}, "saved_damaged"),
        ({"manifest.json": None}, "saved_not_topiclens"),
    ],
)
def test_hostile_members_are_refused(saved_bytes: tuple, change: dict, code: str) -> None:
    data = _rezip(saved_bytes[2], change, rehash="manifest.json" not in change)
    with pytest.raises(InputError) as err:
        open_saved(data, "bad.topiclens")
    assert err.value.code == code
    assert "bad.topiclens" in str(err.value) and err.value.text("ko")


def test_a_pickled_array_is_refused(saved_bytes: tuple) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, phi=np.array([{"run": "code"}], dtype=object), allow_pickle=True)
    data = _rezip(saved_bytes[2], {"model.npz": buffer.getvalue()})
    with pytest.raises(InputError) as err:
        open_saved(data, "p.topiclens")
    assert err.value.code == "saved_pickle"


def test_a_newer_version_is_refused(saved_bytes: tuple) -> None:
    with zipfile.ZipFile(io.BytesIO(saved_bytes[2])) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["version"] = FORMAT_VERSION + 1
    data = _rezip(saved_bytes[2], {"manifest.json": json.dumps(manifest).encode()}, rehash=False)
    with pytest.raises(InputError) as err:
        open_saved(data, "new.topiclens")
    assert err.value.code == "saved_newer_version" and "version 2" in str(err.value)


def test_a_changed_member_fails_its_hash(saved_bytes: tuple) -> None:
    with zipfile.ZipFile(io.BytesIO(saved_bytes[2])) as archive:
        text = archive.read("corpus.json")
    changed = text.replace(b'"w0', b'"x0', 1)
    data = _rezip(saved_bytes[2], {"corpus.json": changed}, rehash=False)
    with pytest.raises(InputError) as err:
        open_saved(data, "h.topiclens")
    assert err.value.code == "saved_hash_mismatch" and "corpus.json" in str(err.value)


def test_a_flipped_byte_is_refused(saved_bytes: tuple) -> None:
    data = bytearray(saved_bytes[2])
    for position in (len(data) // 3, len(data) // 2, 200):
        flipped = data.copy()
        flipped[position] ^= 0xFF
        with pytest.raises(InputError) as err:
            open_saved(bytes(flipped), "f.topiclens")
        assert err.value.code in {"saved_damaged", "saved_hash_mismatch", "saved_not_topiclens"}


def test_not_a_zip_and_a_bomb_are_refused(saved_bytes: tuple) -> None:
    with pytest.raises(InputError) as err:
        open_saved(b"hello", "x.topiclens")
    assert err.value.code == "saved_not_topiclens"
    bomb = _rezip(saved_bytes[2], {"corpus.json": b"0" * (3 << 20)})
    with pytest.raises(InputError) as err:
        open_saved(bomb, "b.topiclens")
    assert err.value.code == "saved_bomb"


def test_variational_model_round_trip() -> None:
    docs = [RawDocument(text=f"apple pie {i}", source="s", name=f"d{i}") for i in range(3)]
    corpus = Corpus.from_tokens(["apple", "pie", "tart"], [["apple", "pie"], ["pie", "tart"], ["tart"]], docs,
                                language="en")  # fmt: skip
    from models.lda.topic_model import TopicModel

    model = TopicModel(
        phi=np.array([[0.5, 0.4, 0.1], [0.1, 0.2, 0.7]]), theta=np.array([[0.8, 0.2], [0.5, 0.5], [0.1, 0.9]]),
        vocab=corpus.vocab, doc_lengths=np.array([2, 2, 1]), term_frequency=np.array([1, 2, 2]), engine="gensim",
        params={"alpha": [0.1, 0.2], "n_topics": 2}, log_likelihood=((1, -3.5),),
    )  # fmt: skip
    from models.lda.saved_model import SavedModel

    data = save_model(SavedModel(corpus=corpus, model=model, options=LdaOptions(engine="gensim", n_topics=2)))
    back = open_saved(data)
    assert back.model.assignments is None and back.model.params == model.params
    np.testing.assert_array_equal(back.model.phi, model.phi)


def test_nested_options_come_back_as_tuples() -> None:
    from models.lda.saved_model import _tuples

    assert _tuples([["fire", ["smoke", "blaze"]]]) == (("fire", ("smoke", "blaze")),)
    assert _tuples("x") == "x"
