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
    "attn_tab_inputs": {"en": "BERT's inputs", "ko": "BERT의 입력"},
    "attn_tab_bert": {"en": "A tiny BERT", "ko": "작은 BERT"},
    "attn_tab_finetune": {"en": "Fine-tuning", "ko": "미세 조정"},
    "bert_inputs_help": {
        "en": "Pairs of sentence-like chunks of the corpus (12 tokens at most) as BERT reads them: [CLS] A [SEP] B "
        "[SEP], segment ids 0 for A and 1 for B, positions; half the time B really follows A (IsNext), else it is a "
        "random chunk (NotNext). Then 15% of the words are selected, and of those 80% become [MASK], 10% a random "
        "word and 10% stay as they are (Devlin et al. 2018). Seeded.",
        "ko": "말뭉치의 문장 같은 조각(최대 12토큰) 두 개를 BERT가 읽는 모양으로: [CLS] A [SEP] B [SEP], A는 "
        "세그먼트 0, B는 1, 그리고 위치. 절반은 B가 실제로 A 다음 조각(IsNext)이고 나머지는 무작위 조각"
        "(NotNext)입니다. 그다음 단어의 15%를 골라 그중 80%는 [MASK], 10%는 무작위 단어, 10%는 그대로 둡니다"
        "(Devlin et al. 2018). 시드로 재현됩니다.",
    },
    "bert_no_pairs": {
        "en": "This corpus has too few documents of 8 or more tokens to make sentence pairs.",
        "ko": "이 말뭉치에는 문장 쌍을 만들 만한 8토큰 이상의 문서가 너무 적습니다.",
    },
    "bert_pair": {"en": "Pair", "ko": "쌍"},
    "bert_is_next": {"en": "IsNext: B follows A in the corpus", "ko": "IsNext: 말뭉치에서 B가 A 다음에 옵니다"},
    "bert_not_next": {"en": "NotNext: B is a random chunk", "ko": "NotNext: B는 무작위 조각입니다"},
    "bert_row_token": {"en": "token", "ko": "토큰"},
    "bert_row_segment": {"en": "segment id", "ko": "세그먼트"},
    "bert_row_position": {"en": "position id", "ko": "위치"},
    "bert_row_input": {"en": "what the model reads", "ko": "모델이 읽는 것"},
    "bert_row_fate": {"en": "fate", "ko": "처리"},
    "bert_fate_special": {"en": "special", "ko": "특수"},
    "bert_fate_unselected": {"en": "—", "ko": "—"},
    "bert_fate_masked": {"en": "→ [MASK]", "ko": "→ [MASK]"},
    "bert_fate_random": {"en": "→ random word", "ko": "→ 무작위 단어"},
    "bert_fate_kept": {"en": "kept", "ko": "그대로"},
    "bert_selected": {"en": "words selected", "ko": "선택된 단어"},
    "bert_shares_title": {
        "en": "Over the whole corpus ({pairs:,} pairs, {tokens:,} word positions)",
        "ko": "말뭉치 전체 (쌍 {pairs:,}개, 단어 위치 {tokens:,}개)",
    },
    "bert_col_what": {"en": "what", "ko": "항목"},
    "bert_col_measured": {"en": "measured here", "ko": "여기서 잰 비율"},
    "bert_col_rule": {"en": "BERT's rule", "ko": "BERT의 규칙"},
    "bert_shares_help": {
        "en": "The masked, random and kept shares are among the selected words.",
        "ko": "[MASK], 무작위, 그대로의 비율은 선택된 단어 가운데의 비율입니다.",
    },
    "bert_toy": {
        "en": "This is a toy: a 1-4 layer Transformer encoder trained here, on this corpus, in about a minute. It is "
        "not BERT and uses none of BERT's weights; nothing is downloaded.",
        "ko": "이것은 장난감입니다. 이 말뭉치로 여기서 1분쯤 학습하는 1~4층 트랜스포머 인코더이며, BERT도 아니고 "
        "BERT의 가중치도 쓰지 않습니다. 아무것도 내려받지 않습니다.",
    },
    "bert_layers": {"en": "Layers", "ko": "층 수"},
    "bert_steps": {"en": "Training steps", "ko": "학습 단계"},
    "bert_train": {"en": "Train", "ko": "학습"},
    "bert_train_help": {
        "en": "About a minute on the Lee sample with the defaults, in a worker process (Cancel stops it). Seeded: the "
        "same settings give the same model.",
        "ko": "기본값으로 Lee 샘플에서 1분쯤 걸리며 작업 프로세스에서 돌아갑니다(취소로 멈춤). 같은 설정이면 같은 "
        "모델이 나옵니다.",
    },
    "bert_press_train": {
        "en": "Press Train to train the tiny BERT on this corpus.",
        "ko": "'학습'을 눌러 이 말뭉치로 작은 BERT를 학습하세요.",
    },
    "bert_training": {"en": "Training the tiny BERT", "ko": "작은 BERT 학습 중"},
    "bert_step": {"en": "step {i} of {total}", "ko": "{total}단계 중 {i}"},
    "bert_cancelled": {"en": "The training was cancelled.", "ko": "학습을 취소했습니다."},
    "bert_trained": {
        "en": "{steps} steps in {seconds:.0f} s. Held-out masked words guessed right: {acc:.1f}%, against {base:.1f}% "
        "for always guessing the most frequent word ('{word}'), on {n:,} masked words of documents it never saw.",
        "ko": "{steps}단계, {seconds:.0f}초. 본 적 없는 문서에서 가린 단어 {n:,}개를 맞힌 비율: {acc:.1f}% (가장 흔한 "
        "단어 '{word}'만 답하면 {base:.1f}%).",
    },
    "bert_budget": {
        "en": "Training stopped at the class's time budget of {seconds:.0f} s, after {steps} of {total} steps.",
        "ko": "수업 시간 예산 {seconds:.0f}초에 맞춰 {total}단계 중 {steps}단계에서 학습을 멈췄습니다.",
    },
    "bert_loss_title": {"en": "Masked-LM loss", "ko": "마스크 언어 모델 손실"},
    "bert_step_axis": {"en": "step", "ko": "단계"},
    "bert_mask_word": {"en": "Word to mask", "ko": "가릴 단어"},
    "bert_col_bert": {"en": "tiny BERT's guesses", "ko": "작은 BERT의 추측"},
    "bert_col_cbow": {"en": "CBOW's fill in the blank (Word2vec page)", "ko": "CBOW 빈칸 채우기 (워드투벡)"},
    "bert_no_cbow": {
        "en": "Train Word2vec on this corpus (Word2vec page, Your corpus) to compare with CBOW's guess.",
        "ko": "워드투벡 페이지의 '내 말뭉치'에서 학습하면 CBOW의 추측과 비교할 수 있습니다.",
    },
    "bert_attention_title": {
        "en": "The trained model's attention on this sentence, per layer and head",
        "ko": "학습한 모델이 이 문장에 두는 어텐션 (층과 헤드마다)",
    },
    "bert_layer": {"en": "Layer", "ko": "층"},
    "bert_picture_title": {"en": "{word}, layer {layer}", "ko": "{word}, {layer}층"},
    "ft_help": {
        "en": "Fine-tuning (Devlin et al. 2018, Fig. 4): the same pre-trained encoder, one small output layer per "
        "task. Classification reads the [CLS] vector C; question answering reads each passage token's vector to "
        "find the answer's start and end; tagging reads every token's vector.",
        "ko": "미세 조정(Devlin et al. 2018, 그림 4): 같은 사전 학습 인코더에 과제마다 작은 출력층 하나. 분류는 "
        "[CLS] 벡터 C를, 질의응답은 지문 토큰 벡터로 답의 시작과 끝을, 태깅은 모든 토큰 벡터를 읽습니다.",
    },
    "ft_task_pair": {"en": "Sentence-pair classification", "ko": "문장 쌍 분류"},
    "ft_task_single": {"en": "Single-sentence classification", "ko": "단일 문장 분류"},
    "ft_task_qa": {"en": "Question answering", "ko": "질의응답"},
    "ft_task_tagging": {"en": "Tagging (e.g. named entities)", "ko": "태깅 (예: 개체명)"},
    "ft_out_cls": {"en": "class label from C", "ko": "C로 분류"},
    "ft_out_span": {"en": "start / end of the answer", "ko": "답의 시작 / 끝"},
    "ft_out_each": {"en": "a tag for each token", "ko": "토큰마다 태그"},
}
