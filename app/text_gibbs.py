"""UI text of the Gibbs classroom page, in English and Korean (merged into :data:`app.text.TEXT`)."""

from __future__ import annotations

GIBBS_TEXT: dict[str, dict[str, str]] = {
    "gibbs_intro": {
        "en": "Collapsed Gibbs sampling (Griffiths & Steyvers 2004) resamples one word's topic at a time from its "
        "full conditional. Step through the lecture's three documents, or any small corpus.",
        "ko": "붕괴 깁스 샘플링(Griffiths & Steyvers 2004)은 단어 하나의 토픽을 "
        "그 완전 조건부 분포에서 한 번에 하나씩 "
        "다시 뽑습니다. 강의의 문서 세 개나 작은 말뭉치로 한 단계씩 따라가 보세요.",
    },
    "gibbs_setup": {"en": "Example, K, α, β and seed", "ko": "예제, K, α, β, 시드"},
    "gibbs_source": {"en": "Documents", "ko": "문서"},
    "gibbs_source_lecture": {"en": "the lecture's example", "ko": "강의 예제"},
    "gibbs_source_corpus": {"en": "the current corpus (first 300 tokens)", "ko": "현재 말뭉치 (처음 300개 토큰)"},
    "gibbs_k_lecture": {
        "en": "The lecture's initial assignments use 3 topics.",
        "ko": "강의의 초기 배정은 토픽 3개를 씁니다.",
    },
    "gibbs_apply": {"en": "Apply and start over", "ko": "적용하고 처음부터"},
    "gibbs_settings_changed": {
        "en": "Settings changed: press 'Apply and start over' to use them.",
        "ko": "설정이 바뀌었습니다. '적용하고 처음부터'를 누르면 적용됩니다.",
    },
    "gibbs_capped": {
        "en": "The classroom uses the first {kept} of the corpus's {total:,} tokens ({docs} documents), "
        "with random "
        "initial topics.",
        "ko": "교실에서는 말뭉치 토큰 {total:,}개 중 처음 {kept}개(문서 {docs}개)를 무작위 초기 토픽으로 씁니다.",
    },
    "gibbs_sweep_metric": {"en": "Sweep", "ko": "스윕"},
    "gibbs_position": {"en": "Token", "ko": "토큰 위치"},
    "gibbs_step": {"en": "Next token ▶", "ko": "다음 토큰 ▶"},
    "gibbs_undo": {"en": "◀ Previous (undo)", "ko": "◀ 이전 (되돌리기)"},
    "gibbs_finish": {"en": "Finish sweep", "ko": "스윕 끝내기"},
    "gibbs_n": {"en": "sweeps", "ko": "스윕 수"},
    "gibbs_run": {"en": "Run N sweeps", "ko": "N번 스윕 실행"},
    "gibbs_reset": {"en": "Reset", "ko": "초기화"},
    "gibbs_speed": {"en": "Animation: seconds per sweep", "ko": "애니메이션: 스윕당 초"},
    "gibbs_speed_help": {"en": "0 runs the sweeps as fast as possible.", "ko": "0이면 최대한 빠르게 실행합니다."},
    "gibbs_running": {
        "en": "sweep {i} of {n} · log p(w, z) = {ll:.3f}",
        "ko": "스윕 {n}번 중 {i}번 · log p(w, z) = {ll:.3f}",
    },
    "gibbs_word": {"en": "word (단어)", "ko": "단어"},
    "gibbs_topic": {"en": "topic (주제)", "ko": "주제"},
    "gibbs_unassigned": {"en": "unassigned (미분류)", "ko": "미분류"},
    "gibbs_corner_td": {"en": "topic-document", "ko": "토픽-문서"},
    "gibbs_corner_tw": {"en": "topic-word", "ko": "토픽-단어"},
    "gibbs_token_window": {
        "en": "Tokens {first} to {last} of {total} in the current token's document.",
        "ko": "현재 토큰이 있는 문서의 토큰 {total}개 중 {first}~{last}번째입니다.",
    },
    "gibbs_some_words": {
        "en": "Showing {shown} of {total} words (the most frequent, and the current word).",
        "ko": "단어 {total}개 중 {shown}개(가장 많이 나온 단어와 현재 단어)만 보여 줍니다.",
    },
    "gibbs_formula": {"en": "(n_dk + α) · (n_kw + β) / (n_k + V·β)", "ko": "(n_dk + α) · (n_kw + β) / (n_k + V·β)"},
    "gibbs_weight": {"en": "weight", "ko": "가중치"},
    "gibbs_probability": {"en": "probability", "ko": "확률"},
    "gibbs_bar_title": {"en": "p(topic | rest) for '{word}'", "ko": "'{word}'의 p(토픽 | 나머지)"},
    "gibbs_u": {"en": "drawn with u = {u:.4f}", "ko": "u = {u:.4f}로 뽑음"},
    "gibbs_step_title": {
        "en": "Step: '{word}' in {doc} (sweep {sweep}, token {position} of {total})",
        "ko": "단계: {doc}의 '{word}' (스윕 {sweep}, 토큰 {total}개 중 {position}번째)",
    },
    "gibbs_step_help": {
        "en": "① '{word}' ({old}) is taken out: unassigned (미분류), its counts leave both tables (red). "
        "② Each topic's probability, below. ③ {new} is drawn ({who}); the counts go back there (green).",
        "ko": "① '{word}'({old})를 빼서 미분류로 두고 두 표에서 개수를 뺍니다(빨간 칸). "
        "② 아래에서 각 토픽의 확률을 구합니다. ③ {new}를 뽑아({who}) 개수를 다시 더합니다(초록 칸).",
    },
    "gibbs_some_docs": {
        "en": "Showing {shown} of {total} documents (the current one and the next).",
        "ko": "문서 {total}개 중 {shown}개(현재 문서와 그다음 문서)만 보여 줍니다.",
    },
    "gibbs_next_in": {"en": "Next token, in {doc}", "ko": "다음 토큰 ({doc})"},
    "gibbs_by_sampler": {"en": "drawn by the sampler, u = {u:.4f}", "ko": "샘플러가 뽑음, u = {u:.4f}"},
    "gibbs_by_user": {"en": "chosen by you", "ko": "직접 고름"},
    "gibbs_state_title": {"en": "Current state", "ko": "현재 상태"},
    "gibbs_next_help": {
        "en": "The highlighted token, '{word}' in {doc}, is resampled next. Press 'Next token'.",
        "ko": "노란색 토큰({doc}의 '{word}')을 다음에 다시 뽑습니다. '다음 토큰'을 누르세요.",
    },
    "gibbs_you": {"en": "You be the sampler", "ko": "직접 샘플러가 되어 보기"},
    "gibbs_you_help": {
        "en": "The probabilities for the next token, '{word}' in {doc}. Pick its topic yourself.",
        "ko": "다음 토큰({doc}의 '{word}')의 확률입니다. 토픽을 직접 골라 보세요.",
    },
    "gibbs_assign": {"en": "Assign {topic}", "ko": "{topic}로 배정"},
    "gibbs_estimates": {"en": "How the model changes", "ko": "모델의 변화"},
    "gibbs_ll_title": {"en": "log p(w, z) per sweep", "ko": "스윕별 log p(w, z)"},
    "gibbs_sweep": {"en": "sweep", "ko": "스윕"},
    "gibbs_story": {"en": "The generative story", "ko": "생성 과정 이야기"},
    "gibbs_story_help": {
        "en": "What the current model believes generates text: draw topic proportions θ ~ Dir(α), then for each "
        "word a topic from θ and a word from that topic's φ.",
        "ko": "현재 모델이 생각하는 글의 생성 과정: θ ~ Dir(α)로 토픽 비율을 뽑고, "
        "단어마다 θ에서 토픽을, 그 토픽의 "
        "φ에서 단어를 뽑습니다.",
    },
    "gibbs_story_length": {"en": "Words", "ko": "단어 수"},
    "gibbs_story_go": {"en": "Generate a document", "ko": "문서 생성"},
    "gibbs_story_theta": {"en": "θ:", "ko": "θ:"},
}
