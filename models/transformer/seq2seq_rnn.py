"""The toy encoder-decoder's networks in JAX: a GRU encoder, a plain GRU decoder started from the encoder's last
state (Sutskever, Vinyals & Le 2014, with GRU cells), and a GRU decoder with Luong-style global attention over a
bidirectional encoder's annotations (Bahdanau, Cho & Bengio 2015).

JAX is imported inside the functions (never at module import): the app's fork server and ``python -m models
corpus`` must not import it. The functions are pure (parameters in, arrays out) so that :mod:`models.transformer.
seq2seq` can jit and differentiate them. Shapes: ``B`` sequences, ``T`` positions (padded), ``E`` embedding and
``H`` hidden units, ``V`` output symbols; the decoder's input vocabulary has one more id, ``BOS = V``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["annotations", "attention_logits", "decode_greedy", "encode", "init_params", "plain_logits"]

Params = dict[str, Any]


def init_params(rng: np.random.Generator, n_symbols: int, embed_dim: int, hidden_dim: int) -> dict[str, np.ndarray]:
    """Glorot-uniform weights, zero biases, for both decoders (the plain one ignores ``bwd_*``, ``Wa``, ``Wc``).

    Parameters
    ----------
    rng : numpy.random.Generator
    n_symbols : int
        ``V``, the task's symbols; the decoder reads ``V + 1`` ids (``BOS = V``).
    embed_dim, hidden_dim : int

    Returns
    -------
    dict of str to ndarray
        ``src_emb`` (V, E), ``tgt_emb`` (V+1, E), encoder ``enc_Wx`` (E, 3H), ``enc_Wh`` (H, 3H), ``enc_b`` (3H,),
        the decoder's ``dec_*`` and the attention model's backward encoder ``bwd_*`` alike, ``Wa`` (H, 2H),
        ``Wc`` (3H, H), ``Wo`` (H, V), ``bo`` (V,).
    """
    E, H, V = embed_dim, hidden_dim, n_symbols

    def glorot(*shape: int) -> np.ndarray:
        limit = np.sqrt(6.0 / (shape[0] + shape[-1]))
        return rng.uniform(-limit, limit, size=shape).astype(np.float32)

    return {
        "src_emb": glorot(V, E),
        "tgt_emb": glorot(V + 1, E),
        "enc_Wx": glorot(E, 3 * H),
        "enc_Wh": glorot(H, 3 * H),
        "enc_b": np.zeros(3 * H, np.float32),
        "dec_Wx": glorot(E, 3 * H),
        "dec_Wh": glorot(H, 3 * H),
        "dec_b": np.zeros(3 * H, np.float32),
        "bwd_Wx": glorot(E, 3 * H),
        "bwd_Wh": glorot(H, 3 * H),
        "bwd_b": np.zeros(3 * H, np.float32),
        "Wa": glorot(H, 2 * H),
        "Wc": glorot(3 * H, H),
        "Wo": glorot(H, V),
        "bo": np.zeros(V, np.float32),
    }


def _gru(x: Any, h: Any, Wx: Any, Wh: Any, b: Any) -> Any:
    """One GRU step (Cho et al. 2014): z, r gates; n = tanh(x W_n + r ⊙ (h U_n) + b_n); h' = (1 − z) ⊙ n + z ⊙ h."""
    import jax
    import jax.numpy as jnp

    gx = x @ Wx + b
    gh = h @ Wh
    H = h.shape[-1]
    z = jax.nn.sigmoid(gx[..., :H] + gh[..., :H])
    r = jax.nn.sigmoid(gx[..., H : 2 * H] + gh[..., H : 2 * H])
    n = jnp.tanh(gx[..., 2 * H :] + r * gh[..., 2 * H :])
    return (1 - z) * n + z * h


def encode(p: Params, src: Any, mask: Any, prefix: str = "enc") -> tuple[Any, Any]:
    """Read ``src`` left to right; padded positions leave the state unchanged.

    Parameters
    ----------
    p : dict
    src : int array of shape (B, T)
    mask : bool array of shape (B, T)
        True at real tokens (a prefix of each row).
    prefix : str
        Whose GRU weights: ``"enc"`` or the backward reader's ``"bwd"``.

    Returns
    -------
    states : array of shape (B, T, H)
    last : array of shape (B, H)
        The state after the last real token.
    """
    import jax
    import jax.numpy as jnp

    x = p["src_emb"][src]  # (B, T, E)
    h0 = jnp.zeros((src.shape[0], p[f"{prefix}_Wh"].shape[0]), x.dtype)

    def step(h: Any, inputs: tuple[Any, Any]) -> tuple[Any, Any]:
        x_t, m_t = inputs
        h = jnp.where(m_t[:, None], _gru(x_t, h, p[f"{prefix}_Wx"], p[f"{prefix}_Wh"], p[f"{prefix}_b"]), h)
        return h, h

    last, states = jax.lax.scan(step, h0, (jnp.swapaxes(x, 0, 1), jnp.swapaxes(mask, 0, 1)))
    return jnp.swapaxes(states, 0, 1), last


def annotations(p: Params, src: Any, mask: Any) -> tuple[Any, Any]:
    """Bahdanau, Cho & Bengio (2015), §3.2: h_j = [→h_j; ←h_j], a forward and a backward GRU, so that h_j is
    about the symbols around x_j (a forward state alone sums up the whole prefix). Returns the annotations
    (B, T, 2H) and the forward reader's last state (B, H), which starts the decoder."""
    import jax.numpy as jnp

    T = src.shape[1]
    lengths = mask.sum(axis=1)
    positions = jnp.arange(T)[None, :]
    backwards = jnp.where(positions < lengths[:, None], lengths[:, None] - 1 - positions, positions)  # its own inverse
    forward, last = encode(p, src, mask)
    flipped, _ = encode(p, jnp.take_along_axis(src, backwards, axis=1), mask, prefix="bwd")
    backward = jnp.take_along_axis(flipped, backwards[:, :, None], axis=1)
    return jnp.concatenate([forward, backward], axis=-1), last


def _decoder_states(p: Params, h0: Any, inputs: Any) -> Any:
    """The decoder GRU's states, shape (B, T, H), reading ``inputs`` (B, T) with teacher forcing."""
    import jax
    import jax.numpy as jnp

    def step(h: Any, x_t: Any) -> tuple[Any, Any]:
        h = _gru(x_t, h, p["dec_Wx"], p["dec_Wh"], p["dec_b"])
        return h, h

    _, states = jax.lax.scan(step, h0, jnp.swapaxes(p["tgt_emb"][inputs], 0, 1))
    return jnp.swapaxes(states, 0, 1)


def _attend(p: Params, s: Any, states: Any, mask: Any) -> tuple[Any, Any]:
    """Luong, Pham & Manning (2015), global attention, "general" score: a_t(i) = softmax_i(s_tᵀ W_a h_i),
    c_t = Σ_i a_t(i) h_i, h̃_t = tanh(W_c [c_t; s_t]). ``s`` (B, T', H), ``states`` (B, T, 2H), ``mask`` (B, T);
    returns h̃ (B, T', H) and the weights a (B, T', T)."""
    import jax
    import jax.numpy as jnp

    scores = jnp.einsum("bqh,hk,bsk->bqs", s, p["Wa"], states)
    scores = jnp.where(mask[:, None, :], scores, -1e9)
    a = jax.nn.softmax(scores, axis=-1)
    c = jnp.einsum("bqs,bsh->bqh", a, states)
    return jnp.tanh(jnp.concatenate([c, s], axis=-1) @ p["Wc"]), a


def plain_logits(p: Params, src: Any, mask: Any, inputs: Any) -> Any:
    """Sutskever et al. (2014): the decoder starts from the encoder's last state and sees nothing else of the
    source. ``inputs`` (B, T) are the targets shifted right behind ``BOS``; returns logits (B, T, V)."""
    _, last = encode(p, src, mask)
    return _decoder_states(p, last, inputs) @ p["Wo"] + p["bo"]


def attention_logits(p: Params, src: Any, mask: Any, inputs: Any) -> tuple[Any, Any]:
    """The decoder with attention over the source's annotations; returns logits (B, T, V) and weights (B, T, T)."""
    states, last = annotations(p, src, mask)
    out, a = _attend(p, _decoder_states(p, last, inputs), states, mask)
    return out @ p["Wo"] + p["bo"], a


def decode_greedy(p: Params, src: Any, mask: Any, n_steps: int, bos: int, attention: bool) -> tuple[Any, Any]:
    """Feed each step's most likely symbol to the next step.

    Returns
    -------
    tokens : int array of shape (B, n_steps)
    weights : array of shape (B, n_steps, T)
        The attention weights (zeros for the plain decoder).
    """
    import jax
    import jax.numpy as jnp

    states, last = annotations(p, src, mask) if attention else encode(p, src, mask)
    B, T = src.shape

    def step(carry: tuple[Any, Any], _: Any) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
        h, y = carry
        h = _gru(p["tgt_emb"][y], h, p["dec_Wx"], p["dec_Wh"], p["dec_b"])
        if attention:
            out, a = _attend(p, h[:, None, :], states, mask)
            out, a = out[:, 0], a[:, 0]
        else:
            out, a = h, jnp.zeros((B, T), h.dtype)
        y = jnp.argmax(out @ p["Wo"] + p["bo"], axis=-1)
        return (h, y), (y, a)

    _, (tokens, weights) = jax.lax.scan(step, (last, jnp.full((B,), bos)), None, length=n_steps)
    return jnp.swapaxes(tokens, 0, 1), jnp.swapaxes(weights, 0, 1)
