"""UI text of the Word2vec page (the lecture's examples and the classroom trainer)."""

from __future__ import annotations

W2V_TEXT: dict[str, dict[str, str]] = {
    "page_word2vec": {"en": "Word2vec", "ko": "워드투벡"},
    "w2v_intro": {
        "en": "Word2vec as the lecture teaches it: a word's vector is a row of W picked by its one-hot vector, CBOW "
        "predicts a word from its context, skip-gram predicts the context from the word, and negative sampling "
        "turns that into telling true pairs (label 1) from random ones (label 0). Every number below is computed "
        "here (Mikolov et al. 2013).",
        "ko": "강의 순서대로 본 워드투벡: 단어 벡터는 원-핫 벡터가 골라 낸 W의 한 행이고, CBOW는 주변 단어로 중심 "
        "단어를, 스킵그램은 중심 단어로 주변 단어를 예측하며, 네거티브 샘플링은 이를 진짜 짝(레이블 1)과 무작위 "
        "짝(레이블 0)을 가려내는 문제로 바꿉니다. 아래의 모든 숫자는 여기서 계산합니다(Mikolov et al. 2013).",
    },
    "w2v_tab_lookup": {"en": "One-hot lookup", "ko": "원-핫 조회"},
    "w2v_tab_cbow": {"en": "CBOW forward pass", "ko": "CBOW 순전파"},
    "w2v_tab_pairs": {"en": "Skip-gram pairs", "ko": "스킵그램 짝"},
    "w2v_tab_negative": {"en": "Negative sampling", "ko": "네거티브 샘플링"},
    "w2v_tab_train": {"en": "Watch a training step", "ko": "학습 한 단계 보기"},
    "w2v_tab_paper": {"en": "The paper's table", "ko": "논문의 표"},
    # one-hot lookup
    "w2v_lookup_help": {
        "en": "Multiplying a one-hot row vector by W picks one row of W: the embedding layer is a table lookup. "
        "Choose where the 1 is.",
        "ko": "원-핫 행 벡터에 W를 곱하면 W의 한 행이 골라집니다. 임베딩 층은 표에서 찾아보기입니다. 1의 "
        "위치를 고르세요.",
    },
    "w2v_one_position": {"en": "Position of the 1", "ko": "1의 위치"},
    "w2v_lookup_result": {
        "en": "x × W = row {row} of W = [{values}]",
        "ko": "x × W = W의 {row}번째 행 = [{values}]",
    },
    # CBOW
    "w2v_cbow_help": {
        "en": "CBOW predicts the centre word from its context. The weights are the classroom trainer's current "
        "weights (the 'Watch a training step' tab): train a few steps there and this pass changes.",
        "ko": "CBOW는 주변 단어로 중심 단어를 예측합니다. 가중치는 '학습 한 단계 보기' 탭의 현재 가중치입니다. "
        "그곳에서 몇 단계 학습하면 이 계산도 바뀝니다.",
    },
    "w2v_sentence": {"en": "Sentence", "ko": "문장"},
    "w2v_centre": {"en": "Centre word", "ko": "중심 단어"},
    "w2v_window": {"en": "Window m", "ko": "윈도 크기 m"},
    "w2v_context_vectors": {
        "en": "1. The context words' one-hot vectors x and their vectors v = W x (rows of W; V = {V}, N = {N})",
        "ko": "1. 주변 단어의 원-핫 벡터 x와 벡터 v = W x (W의 행; V = {V}, N = {N})",
    },
    "w2v_one_at": {"en": "1 at position {i} of {V}", "ko": "{V}개 중 {i}번째가 1"},
    "w2v_v_hat": {
        "en": "2. v̂ = (v₁ + … + v_C) / C, with C = {C} context words (2m = {two_m} inside the sentence)",
        "ko": "2. v̂ = (v₁ + … + v_C) / C, 주변 단어 C = {C}개 (문장 안쪽에서는 2m = {two_m})",
    },
    "w2v_scores": {
        "en": "3. z = U v̂ and ŷ = softmax(z) over all {V} words (the {n} most likely, and the centre word)",
        "ko": "3. z = U v̂, ŷ = softmax(z) (단어 {V}개 중 가장 가능성 높은 {n}개와 중심 단어)",
    },
    "w2v_cbow_loss": {
        "en": "4. The loss for the true centre word c = '{word}'",
        "ko": "4. 실제 중심 단어 c = '{word}'의 손실",
    },
    "w2v_col_word": {"en": "word", "ko": "단어"},
    "w2v_col_rank": {"en": "rank", "ko": "순위"},
    # skip-gram pairs
    "w2v_pairs_help": {
        "en": "Skip-gram turns a sentence into (centre word, context word) pairs: each word with the words up to m "
        "places before and after it, all labelled 1. Type any sentence; the lecture's is the default.",
        "ko": "스킵그램은 문장을 (중심 단어, 주변 단어) 짝으로 바꿉니다. 각 단어와 앞뒤 m칸 안의 단어가 짝이 되고 "
        "레이블은 모두 1입니다. 아무 문장이나 써 보세요. 기본값은 강의의 문장입니다.",
    },
    "w2v_pairs_count": {
        "en": "{n} pairs from {words} words with window {m}.",
        "ko": "{words}단어, 윈도 {m}에서 짝 {n}개.",
    },
    "w2v_lecture_rows": {
        "en": "The lecture's table for this sentence (window 2) starts with the rows of cat and sat (highlighted); "
        "here they are {match}.",
        "ko": "강의의 표(윈도 2)는 이 문장에서 cat과 sat의 행(색 표시)으로 시작합니다. 여기 결과와 {match}.",
    },
    "w2v_match_yes": {"en": "identical", "ko": "똑같습니다"},
    "w2v_match_no": {"en": "different (change the window to 2)", "ko": "다릅니다 (윈도를 2로 바꾸세요)"},
    "w2v_centre_filter": {"en": "Centre words to show", "ko": "보여 줄 중심 단어"},
    "w2v_all_centres": {"en": "all", "ko": "전부"},
    # negative sampling
    "w2v_negative_help": {
        "en": "Negative sampling adds, for each true pair, k random words labelled 0. They are drawn from the "
        "sample's word counts raised to the 3/4 power, which gives rare words a little more chance than their "
        "frequency. The vocabulary is the built-in sample 'Lecture: Word2vec' (12 sentences).",
        "ko": "네거티브 샘플링은 진짜 짝마다 레이블 0인 무작위 단어 k개를 더합니다. 샘플의 단어 빈도를 3/4 "
        "제곱한 분포에서 뽑으므로 드문 단어가 빈도보다 조금 더 자주 뽑힙니다. 단어 집합은 내장 샘플 "
        "'강의: 워드투벡'(문장 12개)입니다.",
    },
    "w2v_k": {"en": "Negatives per pair k", "ko": "짝마다 네거티브 k"},
    "w2v_draw_seed": {"en": "Draw seed", "ko": "추출 시드"},
    "w2v_col_input1": {"en": "입력1 (input 1)", "ko": "입력1"},
    "w2v_col_input2": {"en": "입력2 (input 2)", "ko": "입력2"},
    "w2v_col_label": {"en": "레이블 (label)", "ko": "레이블"},
    "w2v_col_probability": {"en": "P_n(w)", "ko": "P_n(w)"},
    "w2v_the_lecture_table": {"en": "The lecture's table", "ko": "강의의 표"},
    "w2v_lecture_table_note": {
        "en": "As on the slide: pizza, computer and mighty are random words (label 0); cute is a true context of "
        "cat from another sentence ('The cute cat sat on the sofa').",
        "ko": "슬라이드 그대로: pizza, computer, mighty는 무작위 단어(레이블 0)이고 cute는 다른 문장('The cute "
        "cat sat on the sofa')에서 온 cat의 진짜 주변 단어입니다.",
    },
    "w2v_our_draw": {"en": "Drawn here", "ko": "여기서 뽑은 표"},
    "w2v_noise_title": {
        "en": "Sampling probability: count share vs count^¾ share",
        "ko": "뽑힐 확률: 빈도 비율과 빈도^¾ 비율",
    },
    "w2v_share_raw": {"en": "count / total", "ko": "빈도 / 전체"},
    "w2v_share_power": {"en": "count^¾ / Σ count^¾ (used)", "ko": "빈도^¾ / Σ 빈도^¾ (사용)"},
    # training
    "w2v_train_help": {
        "en": "The project's own small trainer on the 12 sentences: each step takes one example, computes σ for the "
        "true word and the k negatives, the loss and its gradients, and moves the vectors one step downhill "
        "(learning rate η). Cells that changed are highlighted.",
        "ko": "문장 12개에서 돌아가는 이 프로젝트의 작은 학습기입니다. 한 단계마다 예제 하나를 골라 진짜 단어와 "
        "네거티브 k개의 σ, 손실, 기울기를 계산하고 벡터를 내리막으로 한 걸음(학습률 η) 옮깁니다. 바뀐 칸은 "
        "색으로 표시합니다.",
    },
    "w2v_setup": {"en": "Trainer settings", "ko": "학습기 설정"},
    "w2v_mode": {"en": "Model", "ko": "모델"},
    "w2v_mode_skipgram": {"en": "skip-gram", "ko": "스킵그램"},
    "w2v_mode_cbow": {"en": "CBOW", "ko": "CBOW"},
    "w2v_dim": {"en": "Vector length N", "ko": "벡터 길이 N"},
    "w2v_lr": {"en": "Learning rate η", "ko": "학습률 η"},
    "w2v_apply": {"en": "Apply and reset", "ko": "적용하고 처음부터"},
    "w2v_step": {"en": "Next step", "ko": "다음 단계"},
    "w2v_undo": {"en": "Previous (undo)", "ko": "이전 (되돌리기)"},
    "w2v_run": {"en": "Run steps", "ko": "여러 단계 실행"},
    "w2v_n": {"en": "Steps", "ko": "단계 수"},
    "w2v_reset": {"en": "Reset", "ko": "처음으로"},
    "w2v_speed": {"en": "Animation delay (s)", "ko": "애니메이션 지연(초)"},
    "w2v_running": {"en": "step {i} of {n} · loss {loss:.4f}", "ko": "{n}단계 중 {i} · 손실 {loss:.4f}"},
    "w2v_steps_done": {"en": "Steps done", "ko": "진행한 단계"},
    "w2v_next_example": {"en": "Next example", "ko": "다음 예제"},
    "w2v_epoch_loss": {"en": "Mean loss over all examples", "ko": "전체 예제 평균 손실"},
    "w2v_example_skipgram": {
        "en": "Step {step}: centre '{centre}' → context '{output}' (sentence {sentence}), negatives: {negatives}",
        "ko": "{step}단계: 중심 '{centre}' → 주변 '{output}' (문장 {sentence}), 네거티브: {negatives}",
    },
    "w2v_example_cbow": {
        "en": "Step {step}: context {context} → centre '{output}' (sentence {sentence}), negatives: {negatives}",
        "ko": "{step}단계: 주변 {context} → 중심 '{output}' (문장 {sentence}), 네거티브: {negatives}",
    },
    "w2v_before": {"en": "Vectors before the step", "ko": "단계 전 벡터"},
    "w2v_scores_sigma": {"en": "Scores and σ", "ko": "점수와 σ"},
    "w2v_loss_numbers": {"en": "The loss with its numbers", "ko": "숫자를 넣은 손실"},
    "w2v_gradients": {"en": "Gradients", "ko": "기울기"},
    "w2v_after": {"en": "Vectors after the step (changed cells highlighted)", "ko": "단계 후 벡터 (바뀐 칸 표시)"},
    "w2v_loss_after": {
        "en": "This example's loss went from {before:.4f} to {after:.4f}.",
        "ko": "이 예제의 손실이 {before:.4f}에서 {after:.4f}(으)로 바뀌었습니다.",
    },
    "w2v_no_step": {
        "en": "Press 'Next step' to train on the first example: (The, fat) with the lecture's sentence.",
        "ko": "'다음 단계'를 눌러 첫 예제 (The, fat)로 학습해 보세요.",
    },
    "w2v_loss_chart": {"en": "Loss per step", "ko": "단계별 손실"},
    "w2v_step_axis": {"en": "step", "ko": "단계"},
    "w2v_map_title": {
        "en": "All word vectors (input vectors W) in 2-D by PCA",
        "ko": "모든 단어 벡터(입력 벡터 W)의 PCA 2차원 배치",
    },
    "w2v_row_role": {"en": "role", "ko": "역할"},
    "w2v_role_input": {"en": "input v", "ko": "입력 v"},
    "w2v_role_output": {"en": "true output u_o", "ko": "정답 출력 u_o"},
    "w2v_role_negative": {"en": "negative u_k", "ko": "네거티브 u_k"},
    "w2v_score": {"en": "uᵀv", "ko": "uᵀv"},
    "w2v_nearest": {"en": "Nearest words now", "ko": "지금 가장 가까운 단어"},
    # paper
    "w2v_paper_caption": {
        "en": "Mikolov, Chen, Corrado & Dean (2013), 'Efficient estimation of word representations in vector "
        "space', Table 3: models trained on the same data with 640-dimensional vectors. The slide writes "
        "'CBOV'; the model is CBOW.",
        "ko": "Mikolov, Chen, Corrado & Dean (2013), 'Efficient estimation of word representations in vector "
        "space' 표 3: 같은 데이터에서 640차원 벡터로 학습한 모델들. 슬라이드의 'CBOV'는 CBOW입니다.",
    },
    "w2v_col_model": {"en": "Model architecture", "ko": "모델 구조"},
    "w2v_col_semantic": {"en": "Semantic accuracy [%]", "ko": "의미 정확도 [%]"},
    "w2v_col_syntactic": {"en": "Syntactic accuracy [%]", "ko": "문법 정확도 [%]"},
    "w2v_col_msr": {"en": "MSR word relatedness [%]", "ko": "MSR 단어 관련도 [%]"},
    # your corpus
    "w2v_tab_corpus": {"en": "Your corpus", "ko": "내 말뭉치"},
    "w2v_corpus_intro": {
        "en": "The same method on the current corpus: gensim's Word2Vec trained here on the corpus's own tokens "
        "(Kiwi morphemes for Korean), one worker so that a seed gives the same vectors every time.",
        "ko": "같은 방법을 현재 말뭉치에: 말뭉치의 토큰(한국어는 Kiwi 형태소)으로 gensim Word2Vec을 여기서 "
        "학습합니다. 같은 시드면 언제나 같은 벡터가 나오도록 작업자 하나로 학습합니다.",
    },
    "w2v_need_corpus": {
        "en": "Choose a sample or upload files in the sidebar first.",
        "ko": "먼저 사이드바에서 샘플을 고르거나 파일을 올려 주세요.",
    },
    "w2v_corpus_is": {"en": "Corpus: {label} · {tokens:,} tokens", "ko": "말뭉치: {label} · 토큰 {tokens:,}개"},
    "w2v_sg_1": {"en": "skip-gram", "ko": "스킵그램"},
    "w2v_sg_0": {"en": "CBOW", "ko": "CBOW"},
    "w2v_min_count": {"en": "Min count", "ko": "최소 빈도"},
    "w2v_epochs": {"en": "Epochs", "ko": "에포크"},
    "w2v_train": {"en": "Train", "ko": "학습"},
    "w2v_train_help_corpus": {
        "en": "Trained with one worker thread: the same seed and options give the same vectors. Changing the map, "
        "the topic or a search never retrains.",
        "ko": "작업 스레드 하나로 학습합니다. 같은 시드와 옵션이면 같은 벡터가 나옵니다. 지도나 토픽을 바꾸거나 "
        "검색해도 다시 학습하지 않습니다.",
    },
    "w2v_training": {"en": "Training Word2Vec", "ko": "Word2Vec 학습 중"},
    "w2v_epoch_progress": {"en": "epoch {i} of {total}", "ko": "에포크 {total}회 중 {i}회"},
    "w2v_loss": {"en": "loss", "ko": "손실"},
    "w2v_cancelled": {"en": "The training was cancelled.", "ko": "학습을 취소했습니다."},
    "w2v_press_train": {
        "en": "This corpus is large: choose the options and press Train.",
        "ko": "말뭉치가 큽니다. 옵션을 고른 뒤 '학습'을 누르세요.",
    },
    "w2v_showing_other": {
        "en": "Showing the last trained model; press Train to train with the options above.",
        "ko": "마지막으로 학습한 모델을 보여 줍니다. 위 옵션으로 학습하려면 '학습'을 누르세요.",
    },
    "w2v_trained": {
        "en": "{words:,} words × {dim} dimensions, trained in {seconds:.1f} s.",
        "ko": "단어 {words:,}개 × {dim}차원, {seconds:.1f}초에 학습.",
    },
    "w2v_projection": {"en": "Map", "ko": "배치"},
    "w2v_projection_pca": {"en": "PCA", "ko": "PCA"},
    "w2v_projection_tsne": {"en": "t-SNE", "ko": "t-SNE"},
    "w2v_map_words": {"en": "Most frequent words shown", "ko": "보여 줄 빈도 상위 단어 수"},
    "w2v_map_topic": {"en": "Highlight an LDA topic", "ko": "강조할 LDA 토픽"},
    "w2v_all_topics": {"en": "all topics", "ko": "모든 토픽"},
    "w2v_coloured_by_topics": {
        "en": "Each word is coloured by its most likely topic p(k | w) in this session's LDA fit of the same corpus "
        "(the topic map's colours and names); grey words are not in the topic model's vocabulary.",
        "ko": "각 단어는 같은 말뭉치에 대한 이 세션의 LDA 결과에서 가장 가능성 높은 토픽 p(k | w)의 색입니다(토픽 "
        "지도와 같은 색과 이름). 회색 단어는 토픽 모델의 어휘에 없습니다.",
    },
    "w2v_no_lda": {
        "en": "Fit LDA on this corpus (Topic map page) to colour the words by topic.",
        "ko": "이 말뭉치로 LDA를 학습하면(토픽 지도 페이지) 단어가 토픽 색으로 칠해집니다.",
    },
    "w2v_no_topic": {"en": "not in the topic model", "ko": "토픽 모델에 없음"},
    "w2v_corpus_map_title": {
        "en": "{n} most frequent words by {method} (hover: 5 nearest)",
        "ko": "빈도 상위 {n}개 단어의 {method} (마우스: 가까운 5개)",
    },
    "w2v_loss_epochs": {"en": "Loss per epoch", "ko": "에포크별 손실"},
    "w2v_epoch": {"en": "epoch", "ko": "에포크"},
    "w2v_loss_help": {
        "en": "The mean negative-sampling loss on a fixed sample of word pairs, computed after each epoch "
        "(gensim's own running loss is unreliable).",
        "ko": "고정된 단어 짝 표본에서 에포크마다 계산한 평균 네거티브 샘플링 손실입니다(gensim 자체의 누적 "
        "손실은 믿기 어렵습니다).",
    },
    "w2v_neighbours": {"en": "Nearest words", "ko": "가장 가까운 단어"},
    "w2v_probe": {"en": "Word", "ko": "단어"},
    "w2v_cosine": {"en": "cosine", "ko": "코사인"},
    "w2v_analogy": {"en": "Analogy a − b + c", "ko": "유추 a − b + c"},
    "w2v_analogy_help": {
        "en": "e.g. king − man + woman: the words nearest to that vector (the three words left out).",
        "ko": "예: king − man + woman. 그 벡터에 가장 가까운 단어(세 단어 제외).",
    },
    "w2v_blank": {"en": "Fill in the blank", "ko": "빈칸 채우기"},
    "w2v_blank_context": {"en": "Context words", "ko": "주변 단어"},
    "w2v_blank_help": {
        "en": "CBOW's prediction of a centre word from its context: softmax(U v̂) with v̂ the mean of the context "
        "words' vectors, as BERT will later predict a masked word.",
        "ko": "주변 단어로 중심 단어를 맞히는 CBOW의 예측: softmax(U v̂), v̂는 주변 단어 벡터의 평균. 다음 장의 "
        "BERT가 가려진 단어를 맞히는 것과 같습니다.",
    },
    "w2v_probability": {"en": "probability", "ko": "확률"},
    "w2v_download_csv": {
        "en": "Word vectors (CSV: word, count, d1 … dN)",
        "ko": "단어 벡터 (CSV: 단어, 빈도, d1 … dN)",
    },
    "w2v_download_text": {
        "en": "Word vectors in the word2vec text format (gensim's KeyedVectors.load_word2vec_format reads it)",
        "ko": "word2vec 텍스트 형식의 단어 벡터 (gensim KeyedVectors.load_word2vec_format으로 읽힘)",
    },
    "w2v_download_text_button": {"en": "Download .txt", "ko": ".txt 내려받기"},
}
