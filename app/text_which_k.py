"""UI text of the LDA page's "Which K?" tab (topic genealogy across K, stability across seeds) and seed words."""

from __future__ import annotations

WHICH_K_TEXT: dict[str, dict[str, str]] = {
    "tab_which_k": {"en": "Which K?", "ko": "K 고르기"},
    "which_k_intro": {
        "en": "Fit every K in a range (same engine, priors and seed as this fit) and follow the topics as K grows: "
        "each column is a K, each box a topic (its top terms, or your name for it), and a band joins a topic to the "
        "topics of the next K that share its tokens; the band's width is the number of shared tokens. A topic that "
        "splits sends two wide bands; a box with no band in is a new theme. Colours follow a lineage.",
        "ko": "범위 안의 모든 K로 학습하고(이 모델과 같은 엔진, 사전분포, 시드) K가 커질 때 토픽이 어떻게 "
        "바뀌는지 봅니다. 열 하나가 K 하나, 상자 하나가 토픽(상위 단어 또는 붙인 이름)이고, 띠는 다음 K에서 "
        "토큰을 함께 가진 토픽을 잇습니다. 띠의 폭은 함께 가진 토큰 수입니다. 토픽이 나뉘면 넓은 띠가 둘 나가고, "
        "들어오는 띠가 없는 상자는 새 주제입니다. 같은 계통은 같은 색입니다.",
    },
    "which_k_runs": {"en": "fits per K (stability)", "ko": "K마다 학습 횟수(안정성)"},
    "which_k_runs_help": {
        "en": "1: no stability. R > 1: each K is fitted R times with seeds seed, seed+1, ...; a topic is stable "
        "when it comes back (Jensen-Shannon similarity ≥ 0.7 after optimal matching) in the other fits.",
        "ko": "1이면 안정성을 재지 않습니다. R > 1이면 K마다 시드를 seed, seed+1, ...로 바꿔 R번 학습하고, "
        "최적 매칭 뒤 젠슨-섀넌 유사도 0.7 이상으로 다시 나타나는 토픽을 안정적이라고 봅니다.",
    },
    "which_k_run": {"en": "Run the genealogy", "ko": "계보 그리기"},
    "which_k_running": {"en": "Fitting K = {ks}", "ko": "K = {ks} 학습 중"},
    "which_k_cancelled": {"en": "The genealogy was cancelled.", "ko": "계보 그리기를 취소했습니다."},
    "which_k_sankey_title": {"en": "Topics across K", "ko": "K에 따른 토픽"},
    "which_k_node_hover": {
        "en": "K = {k}, topic id {topic}<br>{terms}<br>{share:.1f}% of tokens",
        "ko": "K = {k}, 토픽 id {topic}<br>{terms}<br>토큰의 {share:.1f}%",
    },
    "which_k_open": {"en": "Open a topic on the map", "ko": "토픽을 지도에서 열기"},
    "which_k_pick_k": {"en": "K", "ko": "K"},
    "which_k_pick_topic": {"en": "topic", "ko": "토픽"},
    "which_k_open_button": {"en": "Open on the map", "ko": "지도에서 열기"},
    "which_k_click_hint": {
        "en": "Click a box in the diagram, or choose K and a topic here: the map opens with that topic selected "
        "(the model is already fitted, nothing is fitted again).",
        "ko": "그림의 상자를 클릭하거나 여기서 K와 토픽을 고르세요. 그 토픽이 선택된 지도가 열립니다"
        "(이미 학습한 모델이라 다시 학습하지 않습니다).",
    },
    "which_k_curves": {"en": "Scores per K", "ko": "K별 점수"},
    "which_k_curves_help": {
        "en": "Coherence (c_v, higher is better), perplexity (keeps falling as K grows), mean stability (share of "
        "topics that come back with other seeds) and new themes (topics without a parent at the previous K). A good "
        "K has high coherence and stability, and the new themes have died down.",
        "ko": "일관성(c_v, 높을수록 좋음), 퍼플렉서티(K가 커지면 계속 줄어듦), 평균 안정성(다른 시드에서도 "
        "다시 나오는 토픽의 비율), 새 주제(이전 K에 부모가 없는 토픽 수). 좋은 K는 일관성과 안정성이 높고 새 "
        "주제가 잦아든 곳입니다.",
    },
    "col_k": {"en": "K", "ko": "K"},
    "col_stability": {"en": "stability", "ko": "안정성"},
    "col_new_themes": {"en": "new themes", "ko": "새 주제"},
    "col_stable_words": {"en": "words kept in every run", "ko": "모든 실행에서 남은 단어"},
    "col_similarity": {"en": "matched similarity (per run)", "ko": "매칭 유사도(실행별)"},
    "stability_header": {"en": "Stability of this fit's topics", "ko": "이 모델 토픽의 안정성"},
    "stability_help": {
        "en": "Fit this model again with other seeds, match each run's topics to these (Hungarian method on "
        "Jensen-Shannon similarity) and count how often each topic comes back (similarity ≥ 0.7). Unstable topics "
        "get a dashed border on the map and a warning in the bars' title.",
        "ko": "다른 시드로 이 모델을 다시 학습하고, 각 실행의 토픽을 이 모델의 토픽과 매칭한 뒤(젠슨-섀넌 유사도에 "
        "헝가리안 방법) 각 토픽이 얼마나 자주 다시 나오는지(유사도 0.7 이상) 셉니다. 불안정한 토픽은 지도에서 "
        "점선 테두리로, 막대 그래프 제목에 경고로 표시됩니다.",
    },
    "stability_runs": {"en": "other runs", "ko": "추가 실행 수"},
    "stability_run": {"en": "Measure stability", "ko": "안정성 재기"},
    "stability_running": {"en": "Fitting {runs} more runs", "ko": "{runs}번 더 학습 중"},
    "stability_mean": {
        "en": "mean stability {value:.2f} over {runs} runs",
        "ko": "{runs}번 실행의 평균 안정성 {value:.2f}",
    },
    "stability_cancelled": {"en": "The stability runs were cancelled.", "ko": "안정성 측정을 취소했습니다."},
    "stability_show_run": {"en": "show run (seed)", "ko": "실행 보기(시드)"},
    "stability_open_run": {"en": "Open this run on the map", "ko": "이 실행을 지도에서 열기"},
    "unstable_flag": {
        "en": "⚠ unstable: back in {share:.0%} of runs",
        "ko": "⚠ 불안정: 실행의 {share:.0%}에서만 다시 나옴",
    },
    "stability_hover": {"en": "stability {share:.0%}", "ko": "안정성 {share:.0%}"},
    "seed_words": {"en": "Seed words (Gibbs)", "ko": "시드 단어 (깁스)"},
    "seed_words_help": {
        "en": "One topic per line, 'name: word word ...' (e.g. 'sports: goal match team'). The Gibbs engine gives "
        "these words a larger prior in that topic (topic 1 is the first line) and the topic takes the name; the "
        "data can still override a seed. Words must be in the corpus's vocabulary.",
        "ko": "한 줄에 토픽 하나, '이름: 단어 단어 ...' (예: '가구: 소파 식탁 의자'). 깁스 엔진이 이 단어들에 "
        "그 토픽의 사전분포를 크게 주고(첫 줄이 토픽 1) 토픽에 이름을 붙입니다. 데이터가 시드를 이길 수도 "
        "있습니다. 단어는 코퍼스 어휘에 있어야 합니다.",
    },
    "seed_words_engine": {
        "en": "Seed words need the Gibbs engine; they are ignored for this engine.",
        "ko": "시드 단어는 깁스 엔진에서만 쓰입니다. 이 엔진에서는 무시됩니다.",
    },
    "seed_words_ok": {"en": "{n} seeded topics: {names}", "ko": "시드 토픽 {n}개: {names}"},
}
