"""UI text of issue 14's analyst tools (topic relations and merging, .topiclens files, new documents), in English
and Korean (merged into :data:`app.text.TEXT`)."""

from __future__ import annotations

ANALYST_TEXT: dict[str, dict[str, str]] = {
    # topic relations and merging
    "tab_relations": {"en": "Topic relations", "ko": "토픽 관계"},
    "relations_help": {
        "en": "How alike the topics are: the Jensen-Shannon distance between their word distributions (the map's "
        "own metric; 0 = the same words, ln 2 ≈ 0.69 = no word in common), ordered by average-linkage hierarchical "
        "clustering, with the dendrogram.",
        "ko": "토픽끼리 얼마나 비슷한지 보여 줍니다. 단어 분포 사이의 젠슨-섀넌 거리(지도와 같은 척도, 0 = 같은 "
        "단어들, ln 2 ≈ 0.69 = 겹치는 단어 없음)를 평균 연결 계층 군집 순서로 놓고 덴드로그램을 함께 그립니다.",
    },
    "relations_heatmap": {"en": "Jensen-Shannon distance between topics", "ko": "토픽 사이의 젠슨-섀넌 거리"},
    "relations_dendrogram": {"en": "Hierarchical clustering (average linkage)", "ko": "계층 군집(평균 연결)"},
    "relations_distance": {"en": "JS distance", "ko": "JS 거리"},
    "relations_closest": {"en": "Closest pairs", "ko": "가장 가까운 토픽 쌍"},
    "relations_one_topic": {
        "en": "Relations need at least two topics.",
        "ko": "토픽 관계를 보려면 토픽이 두 개 이상 있어야 합니다.",
    },
    "merge_title": {"en": "Merge topics", "ko": "토픽 합치기"},
    "merge_pick": {"en": "Topics to merge", "ko": "합칠 토픽"},
    "merge_button": {"en": "Merge", "ko": "합치기"},
    "merge_undo": {"en": "Undo last merge", "ko": "마지막 합치기 되돌리기"},
    "merge_help": {
        "en": "Merging never refits. Gibbs fits merge exactly (each token of the merged topics takes the new topic; "
        "counts summed, φ and θ recomputed with the fit's α and β); variational fits combine φ weighted by each "
        "topic's token mass and sum θ. The map, bars, documents and downloads follow the merged model.",
        "ko": "합치기는 다시 학습하지 않습니다. 깁스 모델은 정확히 합칩니다(합친 토픽의 모든 토큰이 새 토픽을 받고, "
        "개수를 더해 모델의 α, β로 φ와 θ를 다시 계산). 변분 모델은 토픽별 토큰 양으로 가중한 φ와 θ의 합을 씁니다. "
        "지도, 막대, 문서, 내려받기가 합친 모델을 따릅니다.",
    },
    "merge_history": {
        "en": "Merges so far (ids of the fitted model): {steps}",
        "ko": "지금까지 합친 토픽(학습한 모델의 번호): {steps}",
    },
    "merge_done": {
        "en": "Merged topics {ids} into topic {into}.",
        "ko": "토픽 {ids}을(를) 토픽 {into}(으)로 합쳤습니다.",
    },
    "merge_live": {
        "en": "Topics can be merged once the fit has finished.",
        "ko": "학습이 끝난 뒤에 토픽을 합칠 수 있습니다.",
    },
    "merged_caption": {
        "en": "Showing the fitted model after {n} merge(s): {k} topics.",
        "ko": "학습한 모델에서 {n}번 합친 결과를 보여 줍니다: 토픽 {k}개.",
    },
    # saved models
    "source_saved": {"en": "Saved model", "ko": "저장한 모델"},
    "saved_upload": {"en": "A .topiclens file", "ko": ".topiclens 파일"},
    "saved_upload_help": {
        "en": "A model saved from TopicLens (Downloads tab, or python -m models fit ... --save): its documents, "
        "model, topic names and merges come back as they were saved. Files are checked and never run code.",
        "ko": "TopicLens에서 저장한 모델(내려받기 탭 또는 python -m models fit ... --save)입니다. 문서, 모델, 토픽 "
        "이름, 합치기가 저장한 그대로 돌아옵니다. 파일은 검사하며 코드를 실행하지 않습니다.",
    },
    "saved_opened": {
        "en": "Opened {name} (sha256 {digest}…): {docs} documents, {k} topics.",
        "ko": "{name}을(를) 열었습니다(sha256 {digest}…): 문서 {docs}개, 토픽 {k}개.",
    },
    "dl_saved": {"en": "The whole exploration (.topiclens)", "ko": "탐색 전체 (.topiclens)"},
    "dl_saved_help": {
        "en": "One file with the documents, the fitted model, topic names and merges (a zip of JSON and NumPy "
        "arrays, with a content hash). Open it again under Corpus → Saved model, or with python -m models open.",
        "ko": "문서, 학습한 모델, 토픽 이름, 합치기를 담은 파일 하나입니다(JSON과 NumPy 배열의 zip, 내용 해시 "
        "포함). 말뭉치 → 저장한 모델에서, 또는 python -m models open으로 다시 엽니다.",
    },
    "download_saved": {"en": "Download .topiclens", "ko": ".topiclens 내려받기"},
    "dl_saved_unavailable": {
        "en": "The fitted model is no longer in memory; fit again to save it.",
        "ko": "학습한 모델이 메모리에 없습니다. 다시 학습한 뒤 저장하세요.",
    },
    "share_upload": {
        "en": "Uploaded documents cannot travel in a link; a link is offered for the built-in samples. To share "
        "this view, download the .topiclens file below: it opens with the same documents, model, names and merges.",
        "ko": "올린 문서는 링크에 담을 수 없습니다. 링크는 내장 샘플에서만 만들 수 있습니다. 이 화면을 공유하려면 "
        "아래에서 .topiclens 파일을 내려받으세요. 같은 문서, 모델, 이름, 합치기로 열립니다.",
    },
    # new documents
    "tab_new_document": {"en": "New document", "ko": "새 문서"},
    "newdoc_help": {
        "en": "Paste or upload a text to see its topics under this model, which is not changed. {method}",
        "ko": "글을 붙여 넣거나 올리면 이 모델로 토픽을 추정합니다. 모델은 바뀌지 않습니다. {method}",
    },
    "newdoc_gibbs": {
        "en": "Gibbs fit: fold-in sampling with the topics fixed, 20 samples averaged after 50 sweeps (seeded).",
        "ko": "깁스 모델: 토픽을 고정하고 폴드인 샘플링, 50번 스윕 뒤 표본 20개의 평균(시드 고정).",
    },
    "newdoc_variational": {
        "en": "Variational fit: the LDA E-step with the topics fixed (Blei, Ng & Jordan 2003).",
        "ko": "변분 모델: 토픽을 고정한 LDA E-단계(Blei, Ng & Jordan 2003).",
    },
    "newdoc_text": {"en": "Text", "ko": "글"},
    "newdoc_file": {"en": "…or a .txt file", "ko": "…또는 .txt 파일"},
    "newdoc_run": {"en": "Infer topics", "ko": "토픽 추정"},
    "newdoc_seed": {"en": "Seed", "ko": "시드"},
    "newdoc_unknown": {
        "en": "{n} word(s) are not in the model's vocabulary and were left out: {words}",
        "ko": "모델 어휘에 없는 단어 {n}개는 뺐습니다: {words}",
    },
    "newdoc_known": {"en": "{n} word(s) used.", "ko": "단어 {n}개를 썼습니다."},
    "newdoc_nearest": {
        "en": "Nearest training documents (Hellinger distance of θ)",
        "ko": "가장 가까운 학습 문서(θ의 헬링거 거리)",
    },
    "col_distance": {"en": "distance", "ko": "거리"},
    "newdoc_col_topic": {"en": "main topic", "ko": "주요 토픽"},
}
