"""The UI text catalogue: every label, help text and message in English and Korean."""

from __future__ import annotations

from app.text_analysts import ANALYST_TEXT
from app.text_attention import ATTN_TEXT
from app.text_gibbs import GIBBS_TEXT
from app.text_jobs import JOB_TEXT
from app.text_seq2seq import SEQ2SEQ_TEXT
from app.text_spark import SPARK_TEXT
from app.text_time import TIME_TEXT
from app.text_which_k import WHICH_K_TEXT
from app.text_word2vec import W2V_TEXT

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"en": "TopicLens", "ko": "TopicLens"},
    "tagline": {
        "en": "Upload documents, fit LSA or LDA, and see the model.",
        "ko": "문서를 올리고 LSA나 LDA를 학습해 모델을 눈으로 확인하세요.",
    },
    "ui_language": {"en": "Language / 언어", "ko": "언어 / Language"},
    "page_corpus": {"en": "Corpus", "ko": "말뭉치"},
    # sidebar: corpus source
    "corpus_header": {"en": "Corpus", "ko": "말뭉치"},
    "source": {"en": "Source", "ko": "데이터"},
    "source_sample": {"en": "Built-in sample", "ko": "내장 샘플"},
    "source_upload": {"en": "Upload files", "ko": "파일 올리기"},
    "sample": {"en": "Sample", "ko": "샘플"},
    "upload": {"en": "Documents", "ko": "문서"},
    "upload_help": {
        "en": "Several files at once: .txt .md .csv .tsv .xlsx .pdf .docx .hwpx, or a .zip of them. "
        "Korean files in CP949/EUC-KR are detected automatically.",
        "ko": "여러 파일을 한 번에 올릴 수 있습니다: .txt .md .csv .tsv .xlsx .pdf .docx .hwpx 또는 이들을 묶은 .zip. "
        "CP949/EUC-KR 한국어 파일도 자동으로 인식합니다.",
    },
    "upload_prompt": {
        "en": "Upload one or more files in the sidebar to build a corpus.",
        "ko": "사이드바에서 파일을 하나 이상 올리면 말뭉치를 만듭니다.",
    },
    "options": {"en": "Reading and preprocessing", "ko": "읽기와 전처리"},
    "doc_mode": {"en": "Text files: one document per", "ko": "텍스트 파일: 문서 단위"},
    "doc_mode_line": {"en": "line", "ko": "줄"},
    "doc_mode_paragraph": {"en": "paragraph", "ko": "문단"},
    "doc_mode_file": {"en": "file", "ko": "파일"},
    "text_column": {"en": "Tables: text column", "ko": "표: 텍스트 열"},
    "text_column_auto": {"en": "(longest text column)", "ko": "(가장 긴 텍스트 열)"},
    "encoding": {"en": "Encoding", "ko": "인코딩"},
    "encoding_auto": {"en": "detect automatically", "ko": "자동 감지"},
    "language": {"en": "Text language", "ko": "텍스트 언어"},
    "language_auto": {"en": "detect (share of Hangul)", "ko": "자동 (한글 비율)"},
    "language_en": {"en": "English", "ko": "영어"},
    "language_ko": {"en": "Korean", "ko": "한국어"},
    "stop_words": {"en": "Extra stop words (comma or space separated)", "ko": "추가 불용어 (쉼표나 공백으로 구분)"},
    "min_len": {"en": "Minimum token length (0 = language default)", "ko": "최소 토큰 길이 (0 = 언어 기본값)"},
    "bigrams": {"en": "Add word pairs (bigrams)", "ko": "두 단어 묶음(bigram) 추가"},
    "verbs": {"en": "Korean: keep verb/adjective stems", "ko": "한국어: 동사·형용사 어간도 포함"},
    "fragments": {"en": "Korean: keep one-syllable pieces", "ko": "한국어: 한 글자 조각 그대로 두기"},
    "fragments_help": {
        "en": "Kiwi splits unknown compounds into one-syllable nouns (빈백 → 빈 + 백) and reads counters as nouns "
        "(6인용 → 인). By default the pieces are joined back (빈백) or dropped (인); real one-syllable words such as "
        "책 or 옷 always stay. Tick to keep Kiwi's pieces as they come.",
        "ko": "Kiwi는 모르는 복합어를 한 글자 명사로 나누고(빈백 → 빈 + 백) 숫자 뒤 단위를 명사로 "
        "읽습니다(6인용 → 인). 기본값은 조각을 다시 붙이거나(빈백) 버립니다(인). 책, 옷처럼 혼자 쓰인 한 글자 "
        "단어는 늘 남습니다. 체크하면 Kiwi의 조각을 그대로 둡니다.",
    },
    "min_df": {"en": "min_df: keep terms in at least N documents", "ko": "min_df: 최소 N개 문서에 나온 단어만"},
    "max_df": {
        "en": "max_df: drop terms in more than this share of documents",
        "ko": "max_df: 이 비율보다 많은 문서에 나온 단어 제외",
    },
    "max_features": {"en": "Vocabulary cap (0 = none)", "ko": "어휘 수 상한 (0 = 없음)"},
    "reading": {"en": "Reading and tokenizing…", "ko": "읽고 토큰화하는 중…"},
    # corpus page
    "documents": {"en": "Documents", "ko": "문서"},
    "tokens": {"en": "Tokens", "ko": "토큰"},
    "vocabulary": {"en": "Vocabulary", "ko": "어휘"},
    "detected_language": {"en": "Language", "ko": "언어"},
    "detected_encoding": {"en": "Encoding", "ko": "인코딩"},
    "files": {"en": "Files", "ko": "파일"},
    "col_file": {"en": "file", "ko": "파일"},
    "col_kind": {"en": "type", "ko": "형식"},
    "col_encoding": {"en": "encoding", "ko": "인코딩"},
    "col_documents": {"en": "documents", "ko": "문서 수"},
    "col_text_column": {"en": "text column", "ko": "텍스트 열"},
    "col_status": {"en": "status", "ko": "상태"},
    "status_ok": {"en": "read", "ko": "읽음"},
    "doc_table": {"en": "Documents", "ko": "문서 목록"},
    "search": {"en": "Search documents", "ko": "문서 검색"},
    "search_placeholder": {"en": "a word in the text or name", "ko": "본문이나 이름에 든 단어"},
    "matches": {"en": "{n} of {total} documents match.", "ko": "문서 {total}개 중 {n}개가 일치합니다."},
    "col_name": {"en": "name", "ko": "이름"},
    "col_tokens": {"en": "tokens", "ko": "토큰 수"},
    "col_text": {"en": "text", "ko": "본문"},
    "col_terms": {"en": "terms", "ko": "단어"},
    "top_terms": {"en": "Most frequent terms", "ko": "가장 많이 나온 단어"},
    "col_term": {"en": "term", "ko": "단어"},
    "col_count": {"en": "count", "ko": "빈도"},
    "col_df": {"en": "documents", "ko": "문서 빈도"},
    "dropped": {"en": "Dropped documents", "ko": "제외된 문서"},
    "dropped_none": {"en": "No document was dropped.", "ko": "제외된 문서가 없습니다."},
    "dropped_count": {"en": "{n} documents were left out:", "ko": "문서 {n}개를 제외했습니다:"},
    "col_reason": {"en": "reason", "ko": "이유"},
    "col_preview": {"en": "text", "ko": "내용"},
    "download_csv": {"en": "Download CSV", "ko": "CSV 내려받기"},
    "unexpected": {
        "en": "Something went wrong while processing this input. Try other options or another file.",
        "ko": "입력을 처리하는 중 문제가 생겼습니다. 다른 옵션이나 다른 파일로 다시 시도해 주세요.",
    },
    "shown_first": {"en": "Showing the first {n} rows.", "ko": "처음 {n}개 행만 보여 줍니다."},
}

TEXT.update(
    {
        # pages
        "page_lda": {"en": "Topic map (LDA)", "ko": "토픽 지도 (LDA)"},
        "page_lsa": {"en": "LSA matrices", "ko": "LSA 행렬"},
        "page_gibbs": {"en": "Gibbs classroom", "ko": "깁스 샘플링 교실"},
        # model sidebar
        "model_header": {"en": "Model", "ko": "모델"},
        "method": {"en": "Method", "ko": "방법"},
        "method_lda": {"en": "LDA", "ko": "LDA"},
        "method_lsa": {"en": "LSA", "ko": "LSA"},
        "engine": {"en": "Engine", "ko": "엔진"},
        "engine_gibbs": {"en": "Collapsed Gibbs (fast)", "ko": "붕괴 깁스 샘플링 (빠름)"},
        "engine_gensim": {"en": "gensim (variational Bayes)", "ko": "gensim (변분 베이즈)"},
        "engine_sklearn": {"en": "scikit-learn (variational)", "ko": "scikit-learn (변분 베이즈)"},
        "engine_help": {
            "en": "All engines fit the same LDA model. Collapsed Gibbs samples a topic for every word, so documents "
            "can be coloured word by word; the variational engines give each word its most likely topic.",
            "ko": "세 엔진 모두 같은 LDA 모델을 학습합니다. 붕괴 깁스 샘플링은 모든 단어에 토픽을 뽑아 주므로 단어마다 "
            "색을 칠할 수 있고, 변분 엔진은 단어마다 가장 가능성이 큰 토픽을 보여 줍니다.",
        },
        "n_topics": {"en": "Number of topics K", "ko": "토픽 수 K"},
        "hyperparameters": {"en": "Priors, iterations and seed", "ko": "사전분포, 반복 횟수, 시드"},
        "alpha": {"en": "α (document-topic prior)", "ko": "α (문서-토픽 사전분포)"},
        "alpha_help": {
            "en": "Small α: each document uses few topics. 'auto' learns an asymmetric α (gensim only).",
            "ko": "α가 작으면 문서마다 적은 수의 토픽을 씁니다. 'auto'는 비대칭 α를 학습합니다(gensim만).",
        },
        "alpha_value": {"en": "α value", "ko": "α 값"},
        "eta": {"en": "η / β (topic-word prior)", "ko": "η / β (토픽-단어 사전분포)"},
        "eta_help": {
            "en": "Small η: each topic uses few words.",
            "ko": "η가 작으면 토픽마다 적은 수의 단어를 씁니다.",
        },
        "eta_value": {"en": "η value", "ko": "η 값"},
        "prior_default": {"en": "default", "ko": "기본값"},
        "prior_value": {"en": "value", "ko": "직접 입력"},
        "prior_auto": {"en": "auto", "ko": "자동"},
        "iterations": {"en": "Iterations (0 = engine default)", "ko": "반복 횟수 (0 = 엔진 기본값)"},
        "iterations_help": {
            "en": "Gibbs: sweeps over all words. gensim and scikit-learn: passes over the corpus.",
            "ko": "깁스: 전체 단어를 훑는 횟수. gensim, scikit-learn: 말뭉치를 도는 횟수.",
        },
        "seed": {"en": "Random seed", "ko": "난수 시드"},
        "fit_in_background": {
            "en": "Fitting in the background: this page stays usable; the result shows on its page when it is done.",
            "ko": "백그라운드에서 학습 중입니다. 이 페이지는 그대로 쓸 수 있고, 끝나면 결과가 해당 페이지에 "
            "나타납니다.",
        },
        "workers": {"en": "Cores (Gibbs)", "ko": "코어 수 (깁스)"},
        "workers_help": {
            "en": "The Gibbs sampler splits documents and words into blocks that {cores} cores sample at once. The "
            "same seed gives the same topics for the same number of cores.",
            "ko": "깁스 샘플러는 문서와 단어를 블록으로 나눠 코어 {cores}개가 동시에 샘플링합니다. 같은 시드와 "
            "같은 코어 수면 같은 토픽이 나옵니다.",
        },
        "weighting": {"en": "Weighting", "ko": "가중치"},
        "weighting_count": {"en": "counts", "ko": "빈도"},
        "weighting_tfidf": {"en": "TF-IDF", "ko": "TF-IDF"},
        "lsa_k": {"en": "Components (0 = all, or 100 for a large corpus)", "ko": "성분 수 (0 = 전부, 큰 말뭉치는 100)"},
        "lsa_k_help": {
            "en": "Small matrices get the full SVD (every factor, as in the lecture); large ones a truncated SVD.",
            "ko": "작은 행렬은 완전 SVD(강의처럼 모든 인자)를, 큰 행렬은 절단 SVD를 계산합니다.",
        },
        "fit": {"en": "Fit", "ko": "학습"},
        "cancel": {"en": "Cancel", "ko": "취소"},
        "fit_cancelled": {"en": "The fit was cancelled.", "ko": "학습을 취소했습니다."},
        "fitting_lda": {"en": "Fitting LDA ({engine}, K = {k})", "ko": "LDA 학습 중 ({engine}, K = {k})"},
        "fitting_lsa": {"en": "Computing the SVD", "ko": "SVD 계산 중"},
        "fit_progress": {"en": "iteration {i} of {total}", "ko": "반복 {total}회 중 {i}회"},
        "stop_keep": {"en": "Stop here", "ko": "여기서 멈추기"},
        "stop_keep_help": {
            "en": "Stop sampling and keep the model as it stands now (the one on the map).",
            "ko": "샘플링을 멈추고 지금 상태의 모델(지도에 보이는 모델)을 그대로 씁니다.",
        },
        "live_progress": {"en": "Gibbs sampling: sweep {i} of {total}", "ko": "깁스 샘플링: {total}회 중 {i}회"},
        "live_ll": {"en": "log-likelihood {ll:,.0f}", "ko": "로그 우도 {ll:,.0f}"},
        "live_converging": {
            "en": "The map shows the model after {done} sweeps and refreshes as sampling goes on · not yet "
            "converged (the log-likelihood is still rising).",
            "ko": "지도는 {done}회 샘플링한 모델이며 샘플링이 진행되면 새로 그려집니다 · 아직 수렴하지 않음(로그 "
            "우도가 아직 오르는 중).",
        },
        "live_converged": {
            "en": "The map shows the model after {done} sweeps · ✓ converged at sweep {at}: the log-likelihood has "
            "levelled off, so stopping here loses little.",
            "ko": "지도는 {done}회 샘플링한 모델입니다 · ✓ {at}회에서 수렴: 로그 우도가 평평해졌으니 여기서 "
            "멈춰도 잃는 것이 거의 없습니다.",
        },
        "fit_stopped": {
            "en": "Stopped at sweep {done}: this is the model as it stood then.",
            "ko": "{done}회에서 멈췄습니다. 그때의 모델을 보여 줍니다.",
        },
        "press_fit_lda": {
            "en": "This corpus is large: choose the options in the sidebar and press Fit.",
            "ko": "말뭉치가 큽니다. 사이드바에서 옵션을 고른 뒤 '학습'을 누르세요.",
        },
        "press_fit_lsa": {
            "en": "This corpus is large: choose the options in the sidebar and press Fit (method LSA).",
            "ko": "말뭉치가 큽니다. 사이드바에서 방법을 LSA로 고른 뒤 '학습'을 누르세요.",
        },
        # LDA page
        "lda_caption": {
            "en": "{label} · {engine} · K = {k} · {docs:,} documents · fitted and prepared in {seconds:.1f} s",
            "ko": "{label} · {engine} · K = {k} · 문서 {docs:,}개 · 학습과 준비에 {seconds:.1f}초",
        },
        "lda_caption_live": {
            "en": "{label} · {engine} · K = {k} · {docs:,} documents · still sampling: sweep {done} of {total}",
            "ko": "{label} · {engine} · K = {k} · 문서 {docs:,}개 · 샘플링 중: {total}회 중 {done}회",
        },
        "lda_caption_stopped": {
            "en": "{label} · {engine} · K = {k} · {docs:,} documents · stopped at sweep {done} of {total}",
            "ko": "{label} · {engine} · K = {k} · 문서 {docs:,}개 · {total}회 중 {done}회에서 멈춤",
        },
        "converged_short": {"en": "converged", "ko": "수렴"},
        "converged_mark": {
            "en": "Gibbs log-likelihood: converged at sweep {at}.",
            "ko": "깁스 로그 우도: {at}회에서 수렴.",
        },
        "not_converged_mark": {
            "en": "Gibbs log-likelihood: not converged after {done} sweeps (still rising); more iterations may "
            "give better topics.",
            "ko": "깁스 로그 우도: {done}회 뒤에도 수렴하지 않았습니다(아직 오르는 중). 반복을 늘리면 토픽이 "
            "나아질 수 있습니다.",
        },
        "tab_explore": {"en": "Explore", "ko": "탐색"},
        "tab_topics": {"en": "Topic names", "ko": "토픽 이름"},
        "tab_quality": {"en": "Model quality", "ko": "모델 품질"},
        "tab_classic": {"en": "Classic LDAvis", "ko": "기존 LDAvis"},
        "tab_downloads": {"en": "Downloads", "ko": "내려받기"},
        "share_title": {"en": "Share this view", "ko": "이 화면 공유하기"},
        "projector_mode": {"en": "Projector mode", "ko": "프로젝터 모드"},
        "projector_help": {
            "en": "Larger text and a simpler sidebar (the option panels fold away) for a projector at 1280 × 720.",
            "ko": "1280 × 720 프로젝터에 맞게 글자를 키우고 사이드바를 단순하게 합니다(옵션 패널을 접어 둠).",
        },
        "export_title": {"en": "Pictures for slides (PNG / SVG)", "ko": "슬라이드용 그림 (PNG / SVG)"},
        "export_help": {
            "en": "1280 × 720, as a projector shows it (PNG at twice the pixels), Hangul and topic names kept. Drawn "
            "by Chromium in a worker process; nothing leaves this server.",
            "ko": "프로젝터 화면 크기 1280 × 720(PNG는 두 배 해상도), 한글과 토픽 이름 그대로. 작업 프로세스에서 "
            "Chromium으로 그리며 아무것도 서버 밖으로 나가지 않습니다.",
        },
        "export_what": {"en": "Picture", "ko": "그림"},
        "export_format": {"en": "Format", "ko": "형식"},
        "export_prepare": {"en": "Prepare", "ko": "만들기"},
        "export_preparing": {"en": "Drawing the picture", "ko": "그림 그리는 중"},
        "export_not_drawn": {
            "en": "Open the Explore tab once so the picture is drawn, then prepare it here.",
            "ko": "먼저 탐색 탭을 한 번 열어 그림을 그린 다음 여기서 만드세요.",
        },
        "export_download": {"en": "Download {what} ({fmt})", "ko": "{what} 내려받기 ({fmt})"},
        "export_map": {"en": "Intertopic distance map", "ko": "토픽 간 거리 지도"},
        "export_bars": {"en": "Term bars", "ko": "단어 막대"},
        "export_lsa": {"en": "U, Σ and Vᵀ", "ko": "U, Σ, Vᵀ"},
        "export_lsa_title": {"en": "A ≈ U Σ Vᵀ, first {k} components", "ko": "A ≈ U Σ Vᵀ, 처음 {k}개 성분"},
        "export_gibbs": {"en": "The two count tables", "ko": "두 개의 빈도표"},
        "export_gibbs_doc": {"en": "topic × document (n + α)", "ko": "토픽 × 문서 (n + α)"},
        "export_gibbs_word": {"en": "topic × word (n + β)", "ko": "토픽 × 단어 (n + β)"},
        "export_gibbs_title": {"en": "Gibbs sampling, sweep {sweep}", "ko": "깁스 샘플링, {sweep}번째 스윕"},
        "share_help": {
            "en": "Opening this link (on any machine running TopicLens) fits the same model, which is deterministic "
            "for a seed and a number of cores, and shows the same topic, λ, term and layout.",
            "ko": "이 링크를 열면(TopicLens가 실행되는 어느 컴퓨터에서나) 같은 모델을 학습하고(시드와 코어 수가 같으면 "
            "결과가 같습니다) 같은 토픽, λ, 단어, 배치를 보여 줍니다.",
        },
        "share_upload": {
            "en": "Uploaded documents cannot travel in a link; a link is offered for the built-in samples.",
            "ko": "올린 문서는 링크에 담을 수 없습니다. 링크는 내장 샘플에서만 만들 수 있습니다.",
        },
        "share_ignored": {
            "en": "Some settings in the link were not valid and were left out: {names}.",
            "ko": "링크의 일부 설정이 올바르지 않아 무시했습니다: {names}.",
        },
        "map_title": {
            "en": "Intertopic distance map",
            "ko": "토픽 간 거리 지도",
        },
        "layout": {"en": "Layout", "ko": "배치"},
        "layout_pcoa": {"en": "PCoA (classical MDS)", "ko": "PCoA (고전적 MDS)"},
        "layout_mmds": {"en": "metric MDS", "ko": "계량 MDS"},
        "layout_tsne": {"en": "t-SNE", "ko": "t-SNE"},
        "axis_pcoa": {"en": "PC{n}", "ko": "PC{n}"},
        "axis_mmds": {"en": "dimension {n}", "ko": "차원 {n}"},
        "axis_tsne": {"en": "t-SNE {n}", "ko": "t-SNE {n}"},
        "previous_topic": {"en": "◀ Previous topic", "ko": "◀ 이전 토픽"},
        "next_topic": {"en": "Next topic ▶", "ko": "다음 토픽 ▶"},
        "clear_topic": {"en": "Clear topic", "ko": "선택 해제"},
        "map_help": {
            "en": "Circle area = share of tokens; distance = Jensen-Shannon divergence between topics. The number is "
            "the topic's rank by size; the label on hover shows its name and the model's own id. Click a circle.",
            "ko": "원의 넓이 = 토큰 비율, 거리 = 토픽 간 젠슨-섀넌 발산. 숫자는 크기 순위이고, 마우스를 올리면 이름과 "
            "모델의 원래 번호(id)가 보입니다. 원을 클릭하세요.",
        },
        "size_guide": {"en": "Circle area: share of tokens", "ko": "원의 넓이: 토큰 비율"},
        "size_guide_term": {"en": "Circle area: p(topic | term)", "ko": "원의 넓이: p(토픽 | 단어)"},
        "term_view_caption": {
            "en": "Term view: circles are sized by p(topic | '{term}'). Press ✕ next to the term box to go back.",
            "ko": "단어 보기: 원의 크기가 p(토픽 | '{term}')입니다. 단어 칸 옆의 ✕를 누르면 돌아갑니다.",
        },
        "lambda": {"en": "Slide to adjust relevance metric: λ", "ko": "관련도 지표 조절: λ"},
        "lambda_help": {
            "en": "relevance = λ·log p(w|k) + (1−λ)·log(p(w|k)/p(w)). λ = 1 ranks by probability within the topic; "
            "λ = 0 by lift (words special to the topic). Sievert & Shirley (2014) found λ ≈ 0.6 most helpful.",
            "ko": "관련도 = λ·log p(w|k) + (1−λ)·log(p(w|k)/p(w)). λ = 1이면 토픽 안 확률 순, "
            "λ = 0이면 리프트(그 토픽에 특별한 단어) 순입니다. "
            "Sievert & Shirley(2014)의 사용자 연구에서는 λ ≈ 0.6이 가장 도움이 됐습니다.",
        },
        "lambda_suggested": {"en": "λ = 0.6", "ko": "λ = 0.6"},
        "clear_term": {"en": "Leave the term view", "ko": "단어 보기 끝내기"},
        "term_search": {"en": "Term", "ko": "단어"},
        "term_search_hint": {"en": "find a term", "ko": "단어 찾기"},
        "term_none": {"en": "Term view: choose a term", "ko": "단어 보기: 단어를 고르세요"},
        "salient_title": {"en": "Top-{n} Most Salient Terms", "ko": "가장 두드러진 단어 {n}개"},
        "relevant_title": {
            "en": "Top-{n} Most Relevant Terms for Topic {label}<br><sup>{share:.1f}% of tokens</sup>",
            "ko": "토픽 {label}의 관련도 상위 단어 {n}개<br><sup>토큰의 {share:.1f}%</sup>",
        },
        "overall_bar": {"en": "Overall term frequency", "ko": "전체 단어 빈도"},
        "topic_bar": {
            "en": "Estimated term frequency within the selected topic",
            "ko": "선택한 토픽 안의 추정 단어 빈도",
        },
        "saliency": {"en": "saliency", "ko": "두드러짐"},
        "overall": {"en": "overall", "ko": "전체"},
        "in_topic": {"en": "in topic", "ko": "토픽 안"},
        "relevance": {"en": "relevance", "ko": "관련도"},
        "log_lift": {"en": "log lift", "ko": "log 리프트"},
        "relevance_table": {"en": "The two parts of relevance, as a table", "ko": "관련도의 두 부분 (표)"},
        "relevance_formula": {
            "en": "relevance = λ·log_phi + (1−λ)·log_lift, where log_phi = log p(w|k) and log_lift = log(p(w|k)/p(w)).",
            "ko": "관련도 = λ·log_phi + (1−λ)·log_lift, log_phi = log p(w|k), log_lift = log(p(w|k)/p(w)).",
        },
        "top_documents": {"en": "Documents of topic {label}", "ko": "토픽 {label}의 문서"},
        "share": {"en": "share", "ko": "비율"},
        "open_document": {"en": "Open a document", "ko": "문서 열기"},
        "colouring_gibbs": {
            "en": "Each word is coloured by the topic the Gibbs sampler assigned to it.",
            "ko": "각 단어는 깁스 샘플러가 배정한 토픽의 색으로 칠해졌습니다.",
        },
        "colouring_vb": {
            "en": "Each word is coloured by its most likely topic in this document (θ_dk·φ_kw).",
            "ko": "각 단어는 이 문서에서 가장 가능성이 큰 토픽(θ_dk·φ_kw)의 색으로 칠해졌습니다.",
        },
        "col_rank": {"en": "rank", "ko": "순위"},
        "col_topic_id": {"en": "model id", "ko": "모델 id"},
        "col_topic_name": {"en": "name", "ko": "이름"},
        "col_top_terms": {"en": "top terms (λ = 0.6)", "ko": "상위 단어 (λ = 0.6)"},
        "rename_help": {
            "en": "Type a name for any topic; names appear on the map, the bars and the CSV and JSON downloads (the "
            "classic LDAvis page keeps its own topic numbers).",
            "ko": "토픽 이름을 입력하세요. 이름은 지도, 막대그래프, CSV·JSON 내려받기에 표시됩니다"
            "(기존 LDAvis 페이지는 자체 토픽 번호를 씁니다).",
        },
        "perplexity": {"en": "Perplexity", "ko": "혼잡도(perplexity)"},
        "perplexity_help": {
            "en": "exp(−average log p(word | document)) on the fitted corpus: lower is better.",
            "ko": "학습한 말뭉치에서 exp(−평균 log p(단어 | 문서)). 낮을수록 좋습니다.",
        },
        "c_v_help": {
            "en": "Topic coherence c_v (Röder et al. 2015) of the top-10 terms: higher is better (0 to 1).",
            "ko": "상위 10개 단어의 토픽 일관성 c_v (Röder 외 2015). 높을수록 좋습니다(0~1).",
        },
        "u_mass_help": {
            "en": "Topic coherence u_mass (Mimno et al. 2011): closer to 0 is better.",
            "ko": "토픽 일관성 u_mass (Mimno 외 2011). 0에 가까울수록 좋습니다.",
        },
        "fit_time": {"en": "Fit time", "ko": "학습 시간"},
        "trace_title": {"en": "Log-likelihood (or bound) during fitting", "ko": "학습 중 로그우도(또는 하한)"},
        "iteration": {"en": "iteration", "ko": "반복"},
        "choose_k": {"en": "Choose K", "ko": "K 고르기"},
        "choose_k_help": {
            "en": "Fits the same engine for each K and plots coherence: look for where c_v peaks.",
            "ko": "같은 엔진으로 K마다 학습해 일관성을 그립니다. c_v가 가장 높은 곳을 찾으세요.",
        },
        "k_from": {"en": "K from", "ko": "K 시작"},
        "k_to": {"en": "K to", "ko": "K 끝"},
        "k_step": {"en": "step", "ko": "간격"},
        "run_sweep": {"en": "Run", "ko": "실행"},
        "sweeping": {"en": "Fitting K values…", "ko": "K별로 학습하는 중…"},
        "classic_help": {
            "en": "pyLDAvis's original page, fully offline. Its topic numbers are display ranks; "
            "the model id is in the other tabs.",
            "ko": "pyLDAvis 원래 화면입니다(오프라인). 여기 토픽 번호는 크기 순위이고, 모델 id는 다른 탭에 있습니다.",
        },
        "classic_show": {"en": "Show the classic view", "ko": "기존 화면 보기"},
        "classic_needs_two": {
            "en": "The classic view needs at least 2 topics.",
            "ko": "기존 화면은 토픽이 2개 이상이어야 합니다.",
        },
        "dl_topic_term": {"en": "Topic-term table (φ)", "ko": "토픽-단어 표 (φ)"},
        "dl_doc_topic": {"en": "Document-topic table (θ)", "ko": "문서-토픽 표 (θ)"},
        "dl_names": {"en": "Topic names", "ko": "토픽 이름"},
        "dl_json": {"en": "Everything the CLI writes (JSON)", "ko": "CLI가 쓰는 내용 전체 (JSON)"},
        "dl_html": {"en": "Offline LDAvis page (HTML)", "ko": "오프라인 LDAvis 페이지 (HTML)"},
        "download_json": {"en": "Download JSON", "ko": "JSON 내려받기"},
        "download_html": {"en": "Download HTML", "ko": "HTML 내려받기"},
        "downloads": {"en": "Downloads", "ko": "내려받기"},
        # LSA page
        "lsa_caption": {
            "en": "{label} · {weighting} · {terms:,} terms × {docs:,} documents · {svd} with {r} components",
            "ko": "{label} · {weighting} · 단어 {terms:,}개 × 문서 {docs:,}개 · {svd}, 성분 {r}개",
        },
        "svd_full": {"en": "full SVD", "ko": "완전 SVD"},
        "svd_truncated": {"en": "truncated SVD", "ko": "절단 SVD"},
        "lsa_show_k": {"en": "Keep k topics (truncation)", "ko": "남길 토픽 수 k (절단)"},
        "lsa_show_k_help": {
            "en": "Greyed cells are what truncation to k drops.",
            "ko": "회색 칸은 k개로 자를 때 버려지는 부분입니다.",
        },
        "lecture_rounding": {"en": "Lecture rounding", "ko": "강의식 반올림"},
        "lecture_rounding_help": {
            "en": "Show the factors rounded to one decimal and multiply the rounded numbers, as the lecture's "
            "slides do (1.9 × 0.3 = 0.57).",
            "ko": "강의 슬라이드처럼 인자를 소수 첫째 자리로 반올림하고 반올림한 수끼리 곱합니다 (1.9 × 0.3 = 0.57).",
        },
        "lecture_rounding_note": {
            "en": "Lecture rounding multiplies the rounded factors; the exact values are {exact}, ...",
            "ko": "강의식 반올림은 반올림한 인자끼리 곱한 값입니다. 정확한 값은 {exact}, ... 입니다.",
        },
        "lsa_large_note": {
            "en": "Large matrix: showing the {terms} most frequent of {n_terms:,} terms and the first {docs} of "
            "{n_docs:,} documents. Downloads hold everything.",
            "ko": "큰 행렬입니다. 단어 {n_terms:,}개 중 빈도 상위 {terms}개, 문서 {n_docs:,}개 중 처음 {docs}개만 "
            "보여 줍니다. 전체는 내려받을 수 있습니다.",
        },
        "lsa_A": {"en": "Term-document matrix A", "ko": "단어-문서 행렬 A"},
        "lsa_doc_legend": {"en": "Which document is which (d1, d2, ...)", "ko": "문서 번호 (d1, d2, ...)"},
        "lsa_svd": {"en": "Singular value decomposition", "ko": "특이값 분해"},
        "lsa_U": {"en": "word matrix for topic (words × topics)", "ko": "토픽별 단어 행렬 (단어 × 토픽)"},
        "lsa_Sigma": {"en": "topic strength", "ko": "토픽 강도"},
        "lsa_Vt": {"en": "document matrix for topic (topics × documents)", "ko": "토픽별 문서 행렬 (토픽 × 문서)"},
        "lsa_svd_shown": {
            "en": "Showing {c} of {r} components and {docs} of {n_docs} documents; the downloads hold everything.",
            "ko": "성분 {r}개 중 {c}개, 문서 {n_docs}개 중 {docs}개를 보여 줍니다. 전체는 내려받기에 있습니다.",
        },
        "lsa_repeated_sigma": {
            "en": "Some singular values are equal (here σ = 1 twice): their singular vectors are only defined up to a "
            "rotation, so those columns may differ from the lecture's picture while A = UΣVᵀ still holds.",
            "ko": "같은 특이값이 있습니다(여기서는 σ = 1이 두 번). 이런 특이벡터는 회전에 따라 달라질 수 있어 강의 "
            "그림과 다를 수 있지만 A = UΣVᵀ는 그대로 성립합니다.",
        },
        "lsa_doc_concepts": {
            "en": "Document matrix for topic: Σ{ks}V{ks}ᵀ",
            "ko": "토픽별 문서 행렬: Σ{ks}V{ks}ᵀ",
        },
        "lsa_Ak": {
            "en": "Rank-{k} reconstruction A{ks} = U{ks}Σ{ks}V{ks}ᵀ",
            "ko": "{k}차 근사 A{ks} = U{ks}Σ{ks}V{ks}ᵀ",
        },
        "lsa_error_abs": {"en": "‖A − A_k‖ (Frobenius)", "ko": "‖A − A_k‖ (프로베니우스)"},
        "lsa_error_rel": {"en": "relative error", "ko": "상대 오차"},
        "lsa_energy": {"en": "share of Σσ² kept", "ko": "보존한 Σσ² 비율"},
        "lsa_scree": {"en": "Singular values (scree plot)", "ko": "특이값 (스크리 도표)"},
        "component": {"en": "component", "ko": "성분"},
        "singular_value": {"en": "singular value σ", "ko": "특이값 σ"},
        "lsa_space": {"en": "Terms and documents in concept space", "ko": "개념 공간의 단어와 문서"},
        "lsa_x": {"en": "x axis", "ko": "x축"},
        "lsa_y": {"en": "y axis", "ko": "y축"},
        "terms_label": {"en": "Terms", "ko": "단어"},
    }
)

# The Gibbs classroom's texts and the background jobs' texts live in their own modules.
TEXT.update(GIBBS_TEXT)
TEXT.update(JOB_TEXT)
TEXT.update(W2V_TEXT)
TEXT.update(ATTN_TEXT)
TEXT.update(TIME_TEXT)
TEXT.update(ANALYST_TEXT)  # issue 14: relations and merging, .topiclens files, new documents (overrides share_upload)
TEXT.update(WHICH_K_TEXT)  # issue 15: the Which K? tab, topic stability and seed words
TEXT.update(SPARK_TEXT)  # issue 16: the Spark engine
TEXT.update(SEQ2SEQ_TEXT)  # issue 13 part C: the Seq2seq tab
