"""A step-by-step collapsed Gibbs sampler for teaching: every factor of every draw, undo, and a generative story.

The sampler walks the tokens document by document, token by token (a sweep visits every token once). One step
takes the current token out of the counts (its topic becomes "unassigned"), computes the full conditional of
:mod:`models.lda.gibbs.conditional` with every factor, draws a topic (or takes the user's choice) and puts the token
back. States are immutable snapshots, so ``undo`` restores the exact previous state.

Draws are reproducible: the uniform number of the token at ``position`` in sweep ``sweep`` is a hash of
(seed, sweep, position), not the next number of a running stream, so the same seed and the same actions give the
same draws, also after undoing and redoing.

Topics are 0-based here; the UI shows them as topic1..topicK.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.gibbs.conditional import conditional
from models.lda.gibbs.counts import count_assignments
from models.lda.gibbs.likelihood import joint_log_likelihood
from models.lda.gibbs.steps import StepRecord, TokenConditional, draw_uniform, frozen
from models.lda.gibbs.story import GeneratedDocument, generate_document

__all__ = [
    "ClassroomSampler",
    "GeneratedDocument",
    "StepRecord",
    "TokenConditional",
    "draw_uniform",
    "generate_document",
]


@dataclass(frozen=True, eq=False)
class _State:
    z: np.ndarray  # topic of each token in sweep order
    ndz: np.ndarray
    nzw: np.ndarray
    nz: np.ndarray
    sweep: int
    position: int
    trace: tuple[tuple[int, float], ...]
    last_record: StepRecord | None = field(default=None)


def _check_priors(n_topics: int, alpha: float, beta: float) -> None:
    for option, value, ok in (
        ("n_topics", n_topics, isinstance(n_topics, int | np.integer) and n_topics >= 1),
        ("alpha", alpha, np.isfinite(alpha) and alpha > 0),
        ("beta", beta, np.isfinite(beta) and beta > 0),
    ):
        if not ok:
            raise InputError("bad_option", option=option, value=value, why="must be a positive number")


class ClassroomSampler:
    """Collapsed Gibbs sampling one token at a time, with every factor shown and undo.

    Parameters
    ----------
    documents : sequence of sequence of str
        Each document's tokens.
    topics : sequence of sequence of int
        The initial topic of each token, 0-based (the lecture's topic1 is 0).
    n_topics : int
        K.
    alpha, beta : float
        Symmetric Dirichlet priors.
    seed : int
        Seed of the draws.
    vocab : sequence of str, optional
        Column order of the topic-word table; default: words in order of first appearance.
    doc_names : sequence of str, optional
        Default: "doc 1", "doc 2", ...
    max_undo : int
        Actions kept for ``undo`` (each keeps copies of the count tables; the oldest are forgotten first).
    """

    def __init__(
        self,
        documents: Sequence[Sequence[str]],
        topics: Sequence[Sequence[int]],
        *,
        n_topics: int,
        alpha: float,
        beta: float,
        seed: int = 0,
        vocab: Sequence[str] | None = None,
        doc_names: Sequence[str] | None = None,
        max_undo: int = 1000,
    ) -> None:
        _check_priors(n_topics, alpha, beta)
        self.documents = tuple(tuple(doc) for doc in documents)
        self.vocab = tuple(vocab) if vocab is not None else tuple(dict.fromkeys(t for d in self.documents for t in d))
        self.doc_names = tuple(doc_names) if doc_names else tuple(f"doc {i + 1}" for i in range(len(self.documents)))
        self.n_topics, self.alpha, self.beta, self.seed = int(n_topics), float(alpha), float(beta), int(seed)
        index = {t: j for j, t in enumerate(self.vocab)}
        if any(t not in index for d in self.documents for t in d):
            raise ValueError("every token must be in vocab")
        if len(topics) != len(self.documents) or any(
            len(z) != len(d) for z, d in zip(topics, self.documents, strict=True)
        ):
            raise ValueError("topics must give one topic per token of every document")
        if len(self.doc_names) != len(self.documents):
            raise ValueError("doc_names must name every document")
        lengths = [len(d) for d in self.documents]
        # token arrays in sweep order (document by document, token by token)
        self.WS = frozen(np.array([index[t] for d in self.documents for t in d], dtype=np.int64))
        self.DS = frozen(np.repeat(np.arange(len(self.documents), dtype=np.int64), lengths))
        self.token_index = frozen(np.concatenate([np.arange(n) for n in lengths] or [np.zeros(0)]).astype(np.int64))
        z = np.array([k for doc in topics for k in doc], dtype=np.int64)
        if self.WS.size == 0:
            raise InputError("no_terms")
        if z.min() < 0 or z.max() >= self.n_topics:
            raise ValueError(f"initial topics must be in 0..{self.n_topics - 1}")
        self._initial = self._make_state(z, sweep=0, position=0, trace=())
        self._state = self._initial
        self._history: deque[_State] = deque(maxlen=max_undo)

    # --- constructors ---------------------------------------------------------------------------------------------

    @classmethod
    def random(
        cls,
        documents: Sequence[Sequence[str]],
        *,
        n_topics: int,
        alpha: float,
        beta: float,
        seed: int = 0,
        vocab: Sequence[str] | None = None,
        doc_names: Sequence[str] | None = None,
    ) -> ClassroomSampler:
        """A sampler whose initial topics are drawn uniformly at random with ``seed``."""
        _check_priors(n_topics, alpha, beta)
        rng = np.random.default_rng(seed)
        topics = [rng.integers(0, n_topics, size=len(doc)).tolist() for doc in documents]
        return cls(
            documents, topics, n_topics=n_topics, alpha=alpha, beta=beta, seed=seed, vocab=vocab, doc_names=doc_names
        )

    @classmethod
    def from_example(cls, example: dict[str, Any] | None = None, *, seed: int = 0) -> ClassroomSampler:
        """The lecture's example (:func:`models.corpus.samples.gibbs_example`, topics 1-based there)."""
        if example is None:
            from models.corpus.samples import gibbs_example

            example = gibbs_example()
        docs = example["documents"]
        return cls(
            [d["tokens"] for d in docs],
            [[k - 1 for k in d["topics"]] for d in docs],
            n_topics=example["n_topics"],
            alpha=example["alpha"],
            beta=example["beta"],
            seed=seed,
            doc_names=[d["name"] for d in docs],
        )

    @classmethod
    def from_corpus(
        cls, corpus: Corpus, *, n_topics: int, alpha: float, beta: float, seed: int = 0
    ) -> ClassroomSampler:
        """A sampler over ``corpus.doc_tokens`` and ``corpus.vocab`` with random initial topics."""
        return cls.random(
            corpus.doc_tokens,
            n_topics=n_topics,
            alpha=alpha,
            beta=beta,
            seed=seed,
            vocab=corpus.vocab,
            doc_names=[d.name for d in corpus.documents],
        )

    # --- state ----------------------------------------------------------------------------------------------------

    def _make_state(
        self, z: np.ndarray, *, sweep: int, position: int, trace: tuple, last: StepRecord | None = None
    ) -> _State:
        counts = count_assignments(
            self.WS, self.DS, z, n_docs=self.n_docs, n_terms=self.n_terms, n_topics=self.n_topics
        )
        if not trace:
            trace = ((sweep, joint_log_likelihood(counts.nzw, counts.ndz, self.alpha, self.beta)),)
        return _State(
            frozen(z), frozen(counts.ndz), frozen(counts.nzw), frozen(counts.nz), sweep, position, trace, last
        )

    @property
    def n_docs(self) -> int:
        """Number of documents D."""
        return len(self.documents)

    @property
    def n_terms(self) -> int:
        """Vocabulary size V."""
        return len(self.vocab)

    @property
    def n_tokens(self) -> int:
        """Tokens in a sweep."""
        return int(self.WS.size)

    @property
    def sweep(self) -> int:
        """Completed sweeps."""
        return self._state.sweep

    @property
    def position(self) -> int:
        """Index in the sweep (0 .. n_tokens - 1) of the token the next step resamples."""
        return self._state.position

    @property
    def current_token(self) -> tuple[int, int]:
        """(document, index in the document) of the token the next step resamples."""
        p = self._state.position
        return int(self.DS[p]), int(self.token_index[p])

    @property
    def assignments(self) -> tuple[np.ndarray, ...]:
        """Per document, the topic of each token (0-based)."""
        bounds = np.cumsum([len(d) for d in self.documents])[:-1]
        return tuple(np.split(self._state.z, bounds))

    @property
    def ndz(self) -> np.ndarray:
        """ndarray of shape (n_docs, n_topics), read-only."""
        return self._state.ndz

    @property
    def nzw(self) -> np.ndarray:
        """ndarray of shape (n_topics, n_terms), read-only."""
        return self._state.nzw

    @property
    def nz(self) -> np.ndarray:
        """ndarray of shape (n_topics,), read-only."""
        return self._state.nz

    @property
    def topic_document_table(self) -> np.ndarray:
        """ndarray of shape (n_topics, n_docs): ``ndz.T + α``, the lecture's topic-document table."""
        return self._state.ndz.T + self.alpha

    @property
    def topic_word_table(self) -> np.ndarray:
        """ndarray of shape (n_topics, n_terms): ``nzw + β``, the lecture's topic-word table."""
        return self._state.nzw + self.beta

    @property
    def phi(self) -> np.ndarray:
        """ndarray of shape (n_topics, n_terms): the estimate ``(nzw + β) / (nz + V·β)``."""
        return (self._state.nzw + self.beta) / (self._state.nz[:, None] + self.n_terms * self.beta)

    @property
    def theta(self) -> np.ndarray:
        """ndarray of shape (n_docs, n_topics): the estimate ``(ndz + α) / (nd + K·α)``."""
        nd = self._state.ndz.sum(axis=1, keepdims=True)
        return (self._state.ndz + self.alpha) / (nd + self.n_topics * self.alpha)

    @property
    def log_likelihood_trace(self) -> tuple[tuple[int, float], ...]:
        """(completed sweeps, log p(w, z)) at the start and after every completed sweep."""
        return self._state.trace

    @property
    def log_likelihood(self) -> float:
        """log p(w, z | α, β) of the current state."""
        return joint_log_likelihood(self._state.nzw, self._state.ndz, self.alpha, self.beta)

    @property
    def last_record(self) -> StepRecord | None:
        """The record of the step that made the current state (None after a sweep, a run, a reset or at start)."""
        return self._state.last_record

    @property
    def can_undo(self) -> bool:
        """Whether there is an action to undo."""
        return bool(self._history)

    # --- actions --------------------------------------------------------------------------------------------------

    def peek(self) -> TokenConditional:
        """The next token's full conditional, without changing anything (for "you be the sampler")."""
        return self._conditional(self._state)[0]

    def step(self, choice: int | None = None) -> StepRecord:
        """Resample the next token: take it out, compute its conditional, draw (or take ``choice``), put it back.

        Parameters
        ----------
        choice : int, optional
            The topic (0-based) the user picks; None lets the seeded sampler draw.
        """
        if choice is not None and not 0 <= choice < self.n_topics:
            raise InputError("bad_option", option="choice", value=choice, why=f"topics are 0..{self.n_topics - 1}")
        state = self._state
        cond, z, ndz, nzw, nz = self._conditional(state)
        if choice is None:
            u = draw_uniform(self.seed, state.sweep, state.position)
            new, chosen_by = _pick(cond.probabilities, u), "sampler"
        else:
            u, new, chosen_by = None, int(choice), "user"
        _add(z, ndz, nzw, nz, state.position, cond.doc, cond.word_id, new)
        ndz, nzw, nz = frozen(ndz), frozen(nzw), frozen(nz)
        shared = {f.name: getattr(cond, f.name) for f in fields(TokenConditional)}
        record = StepRecord(
            **shared, new_topic=new, chosen_by=chosen_by, u=u, ndz_after=ndz, nzw_after=nzw, nz_after=nz
        )
        self._push(self._advance(z, ndz, nzw, nz, state, 1, record))
        return record

    def finish_sweep(self) -> None:
        """Sample every remaining token of the current sweep (one action for ``undo``)."""
        self._run(self.n_tokens - self._state.position)

    def run_sweeps(self, n: int) -> None:
        """Finish the current sweep, then run ``n - 1`` more; at the start of a sweep, run ``n`` (one action)."""
        if n < 1:
            return
        self._run(self.n_tokens * n - self._state.position)

    def reset(self) -> None:
        """Back to the initial topics (one action: ``undo`` returns to where it was)."""
        self._push(self._initial)

    def undo(self) -> bool:
        """Restore the state before the last action; False if there is nothing to undo."""
        if not self._history:
            return False
        self._state = self._history.pop()
        return True

    def generate_document(self, length: int, seed: int, theta: np.ndarray | None = None) -> GeneratedDocument:
        """A document from the generative story with the current φ estimate (see :func:`generate_document`)."""
        return generate_document(self.phi, self.alpha, length, seed=seed, theta=theta, vocab=self.vocab)

    # --- internals ------------------------------------------------------------------------------------------------

    def _push(self, state: _State) -> None:
        self._history.append(self._state)
        self._state = state

    def _conditional(self, state: _State) -> tuple[TokenConditional, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The conditional of the token at ``state.position``, and copies of the arrays with the token removed."""
        p = state.position
        d, w, old = int(self.DS[p]), int(self.WS[p]), int(state.z[p])
        z, ndz, nzw, nz = state.z.copy(), state.ndz.copy(), state.nzw.copy(), state.nz.copy()
        z[p] = -1
        ndz[d, old] -= 1
        nzw[old, w] -= 1
        nz[old] -= 1
        # Griffiths & Steyvers (2004), eq. 5, on the counts without the token
        weights, probabilities = conditional(ndz[d], nzw[:, w], nz, self.alpha, self.beta, self.n_terms)
        v_beta = self.n_terms * self.beta
        cond = TokenConditional(
            sweep=state.sweep,
            position=p,
            doc=d,
            index=int(self.token_index[p]),
            word_id=w,
            word=self.vocab[w],
            old_topic=old,
            ndz=frozen(ndz.copy()),
            nzw=frozen(nzw.copy()),
            nz=frozen(nz.copy()),
            doc_factor=frozen(ndz[d] + self.alpha),
            word_factor=frozen(nzw[:, w] + self.beta),
            norm_factor=frozen(nz + v_beta),
            weights=frozen(weights),
            probabilities=frozen(probabilities),
            alpha=self.alpha,
            beta=self.beta,
        )
        return cond, z, ndz, nzw, nz

    def _advance(self, z, ndz, nzw, nz, state: _State, n_steps: int, record: StepRecord | None) -> _State:
        """The state ``n_steps`` tokens after ``state`` with the given arrays; records the finished sweeps."""
        sweep, position = divmod(state.position + n_steps, self.n_tokens)
        sweep += state.sweep
        trace = state.trace
        if sweep > state.sweep:
            trace = (*trace, (sweep, joint_log_likelihood(nzw, ndz, self.alpha, self.beta)))
        return _State(frozen(z), ndz, nzw, nz, sweep, position, trace, record)

    def _run(self, n_steps: int) -> None:
        """``n_steps`` sampler steps without records (the same draws as ``step()`` one at a time)."""
        if n_steps <= 0:
            return
        state = self._state
        z, ndz, nzw, nz = state.z.copy(), state.ndz.copy(), state.nzw.copy(), state.nz.copy()
        trace = list(state.trace)
        sweep, p = state.sweep, state.position
        for _ in range(n_steps):
            d, w, old = self.DS[p], self.WS[p], z[p]
            ndz[d, old] -= 1
            nzw[old, w] -= 1
            nz[old] -= 1
            _, probabilities = conditional(ndz[d], nzw[:, w], nz, self.alpha, self.beta, self.n_terms)
            _add(z, ndz, nzw, nz, p, d, w, _pick(probabilities, draw_uniform(self.seed, sweep, p)))
            p += 1
            if p == self.n_tokens:
                sweep, p = sweep + 1, 0
                trace.append((sweep, joint_log_likelihood(nzw, ndz, self.alpha, self.beta)))
        self._push(_State(frozen(z), frozen(ndz), frozen(nzw), frozen(nz), sweep, p, tuple(trace), None))


def _pick(probabilities: np.ndarray, u: float) -> int:
    """The first topic whose cumulative probability exceeds ``u``."""
    return int(min(np.searchsorted(np.cumsum(probabilities), u, side="right"), len(probabilities) - 1))


def _add(z: np.ndarray, ndz: np.ndarray, nzw: np.ndarray, nz: np.ndarray, p: int, d: int, w: int, k: int) -> None:
    z[p] = k
    ndz[d, k] += 1
    nzw[k, w] += 1
    nz[k] += 1
