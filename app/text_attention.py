"""UI text of the Attention & BERT page."""

from __future__ import annotations

ATTN_TEXT: dict[str, dict[str, str]] = {
    "page_attention": {"en": "Attention & BERT", "ko": "어텐션과 BERT"},
    "attn_intro": {
        "en": "The Transformer's attention as the lecture writes it, Attention(Q, K, V) = softmax(QKᵀ/√d_k) V "
        "(Vaswani et al. 2017), with every matrix computed here for a sentence, then BERT's inputs and a tiny BERT "
        "trained on your corpus (Devlin et al. 2018).",
        "ko": "강의의 어텐션 식 Attention(Q, K, V) = softmax(QKᵀ/√d_k) V (Vaswani et al. 2017)를 한 문장에 대해 "
        "모든 행렬을 여기서 계산해 보여 주고, 이어서 BERT의 입력과 내 말뭉치로 학습한 작은 BERT를 봅니다"
        "(Devlin et al. 2018).",
    },
    "attn_tab_steps": {"en": "Attention step by step", "ko": "어텐션 단계별"},
    "attn_tab_scaling": {"en": "Why √d_k", "ko": "왜 √d_k인가"},
    "attn_tab_heads": {"en": "Multi-head", "ko": "멀티헤드"},
    "attn_tab_picture": {"en": "The lecture's picture", "ko": "강의의 그림"},
    "attn_tab_mask": {"en": "Causal mask & positions", "ko": "인과 마스크와 위치"},
    "attn_sentence": {"en": "Sentence", "ko": "문장"},
    "attn_source": {"en": "Word vectors X", "ko": "단어 벡터 X"},
    "attn_source_seeded": {"en": "small seeded vectors", "ko": "시드로 만든 작은 벡터"},
    "attn_source_w2v": {"en": "the corpus's Word2vec vectors", "ko": "말뭉치의 워드투벡 벡터"},
    "attn_d_model": {"en": "d_model (seeded vectors)", "ko": "d_model (시드 벡터)"},
    "attn_d_k": {"en": "d_k", "ko": "d_k"},
    "attn_heads": {"en": "Heads h", "ko": "헤드 수 h"},
    "attn_seed": {"en": "Seed", "ko": "시드"},
    "attn_query": {"en": "Query word", "ko": "쿼리 단어"},
    "attn_x_seeded": {
        "en": "X: seeded random vectors (d_model = {d}), one row per token: not learned, just numbers to follow.",
        "ko": "X: 시드로 만든 무작위 벡터(d_model = {d}), 토큰마다 한 행. 학습된 값이 아니라 따라가 볼 숫자입니다.",
    },
    "attn_x_w2v": {
        "en": "X: each word's vector from the Word2vec model of this corpus (d_model = {d}); shown as a heatmap.",
        "ko": "X: 이 말뭉치의 워드투벡 모델에서 가져온 단어 벡터(d_model = {d}), 히트맵으로 표시.",
    },
    "attn_w2v_missing": {
        "en": "Word2vec vectors are used when the Word2vec page has trained a model of this corpus and knows every "
        "word of the sentence; missing here: {words}. Seeded vectors instead.",
        "ko": "워드투벡 페이지에서 이 말뭉치로 학습한 모델이 문장의 모든 단어를 알 때 그 벡터를 씁니다. 여기서 없는 "
        "단어: {words}. 대신 시드 벡터를 씁니다.",
    },
    "attn_no_w2v": {
        "en": "No Word2vec model of this corpus yet (train one on the Word2vec page, tab 'Your corpus').",
        "ko": "아직 이 말뭉치의 워드투벡 모델이 없습니다(워드투벡 페이지의 '내 말뭉치' 탭에서 학습하세요).",
    },
    "attn_projections": {
        "en": "Projections W_Q, W_K, W_V ({d_model} × {d_k}), seeded",
        "ko": "투영 W_Q, W_K, W_V ({d_model} × {d_k}), 시드로 생성",
    },
    "attn_qkv": {"en": "Q = X W_Q, K = X W_K, V = X W_V", "ko": "Q = X W_Q, K = X W_K, V = X W_V"},
    "attn_raw": {"en": "QKᵀ", "ko": "QKᵀ"},
    "attn_scaled": {"en": "QKᵀ / √d_k  (√{d_k} = {root:.3f})", "ko": "QKᵀ / √d_k  (√{d_k} = {root:.3f})"},
    "attn_weights": {"en": "softmax(QKᵀ / √d_k), row by row", "ko": "softmax(QKᵀ / √d_k), 행마다"},
    "attn_output": {"en": "softmax(QKᵀ / √d_k) V", "ko": "softmax(QKᵀ / √d_k) V"},
    "attn_for_query": {
        "en": "For the query '{word}': its scores, weights and output with the numbers plugged in",
        "ko": "쿼리 '{word}'의 점수, 가중치, 출력 (숫자를 넣은 식)",
    },
    "attn_heatmap_keys": {"en": "key", "ko": "키"},
    "attn_heatmap_queries": {"en": "query", "ko": "쿼리"},
    "attn_scaling_help": {
        "en": "Queries and keys with independent N(0, 1) components, measured here at each d_k: the spread of q·k "
        "grows like √d_k, so without the scaling the softmax puts almost all its weight on one key (its entropy "
        "falls towards 0 and its gradients vanish); divided by √d_k the spread stays 1 and the softmax stays soft.",
        "ko": "성분이 독립인 N(0, 1) 쿼리와 키로 각 d_k에서 측정했습니다. q·k의 퍼짐은 √d_k처럼 커져서, 나누지 "
        "않으면 softmax가 거의 한 키에만 가중치를 몰아줍니다(엔트로피가 0으로 떨어지고 기울기가 사라짐). √d_k로 "
        "나누면 퍼짐이 1로 유지되고 softmax가 부드럽게 남습니다.",
    },
    "attn_spread_title": {"en": "Standard deviation of the scores", "ko": "점수의 표준편차"},
    "attn_entropy_title": {
        "en": "Entropy of the softmax over {n} keys (max log {n} = {max:.2f})",
        "ko": "키 {n}개에 대한 softmax의 엔트로피 (최대 log {n} = {max:.2f})",
    },
    "attn_unscaled": {"en": "q·k (no scaling)", "ko": "q·k (나누지 않음)"},
    "attn_scaled_series": {"en": "q·k / √d_k", "ko": "q·k / √d_k"},
    "attn_heads_help": {
        "en": "Each head has its own W_Q, W_K, W_V and so its own pattern of weights; their outputs are "
        "concatenated and mixed by W^O.",
        "ko": "헤드마다 W_Q, W_K, W_V가 따로 있어 가중치 모양도 다릅니다. 출력은 이어 붙인 뒤 W^O로 섞습니다.",
    },
    "attn_head": {"en": "head {i}", "ko": "헤드 {i}"},
    "attn_shapes": {
        "en": "Shapes: X is {T} × {d_model}; each W_i^Q, W_i^K, W_i^V is {d_model} × {d_k} (d_model × d_k); each "
        "head_i is {T} × {d_k}; Concat(head_1 … head_{h}) is {T} × {hd} (h·d_v = {h} × {d_k}); W^O is {hd} × "
        "{d_model} (h·d_v × d_model); MultiHead(X) is {T} × {d_model}.",
        "ko": "모양: X는 {T} × {d_model}; W_i^Q, W_i^K, W_i^V는 각각 {d_model} × {d_k} (d_model × d_k); head_i는 "
        "{T} × {d_k}; Concat(head_1 … head_{h})는 {T} × {hd} (h·d_v = {h} × {d_k}); W^O는 {hd} × {d_model} "
        "(h·d_v × d_model); MultiHead(X)는 {T} × {d_model}.",
    },
    "attn_picture_help": {
        "en": "As in the lecture's figure (Vaswani et al. 2017, Fig. 3): from one word on the left, a line to every "
        "word on the right; the thicker the line, the larger the weight; one colour per head.",
        "ko": "강의의 그림(Vaswani et al. 2017, 그림 3)처럼: 왼쪽의 한 단어에서 오른쪽의 모든 단어로 선을 긋고, "
        "가중치가 클수록 굵게, 헤드마다 다른 색으로 그립니다.",
    },
    "attn_mask_help": {
        "en": "In the decoder a word may not look ahead: the scores of later positions become −∞ before the "
        "softmax, so their weights are exactly 0 (Vaswani et al. 2017, 3.2.3).",
        "ko": "디코더에서는 앞을 볼 수 없습니다. 뒤쪽 위치의 점수를 softmax 전에 −∞로 바꾸므로 가중치가 정확히 "
        "0이 됩니다(Vaswani et al. 2017, 3.2.3).",
    },
    "attn_masked_scores": {"en": "Masked scores (−∞ above the diagonal)", "ko": "마스크한 점수 (대각선 위는 −∞)"},
    "attn_masked_weights": {"en": "Weights with the mask", "ko": "마스크를 적용한 가중치"},
    "attn_positions": {
        "en": "Sinusoidal positional encodings PE(pos, 2i) = sin(pos/10000^(2i/d_model)), PE(pos, 2i+1) = cos(…)",
        "ko": "사인 위치 인코딩 PE(pos, 2i) = sin(pos/10000^(2i/d_model)), PE(pos, 2i+1) = cos(…)",
    },
    "attn_position": {"en": "position", "ko": "위치"},
    "attn_dimension": {"en": "dimension", "ko": "차원"},
    "attn_corpus_sentence": {"en": "or a sentence from the corpus", "ko": "또는 말뭉치의 문장"},
    "attn_typed": {"en": "(the sentence above)", "ko": "(위의 문장)"},
}
