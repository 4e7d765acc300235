"""Session-state keys, defined once. Values under these keys belong to one browser session only."""

from __future__ import annotations

LANG = "tl_lang"  # "en" or "ko"
SOURCE = "tl_source"  # "sample" or "upload"
SAMPLE = "tl_sample"  # sample name
UPLOADER = "tl_uploader"  # file-uploader widget
UPLOADED = "tl_uploaded"  # tuple of (name, bytes) copied from the uploader, survives page switches
UPLOAD_DIGEST = "tl_upload_digest"  # sha256 of the uploaded files
LAST_COLUMNS = "tl_last_columns"  # table columns of the last upload, offered as text columns
OPTIONS_FOR = "tl_options_for"  # which source the option widgets were last reset for

# Option widgets (rendered in the entry file's sidebar on every page, so Streamlit keeps them).
OPT_DOC_MODE = "tl_opt_doc_mode"
OPT_TEXT_COLUMN = "tl_opt_text_column"
OPT_ENCODING = "tl_opt_encoding"
OPT_LANGUAGE = "tl_opt_language"
OPT_STOP_WORDS = "tl_opt_stop_words"
OPT_MIN_LEN = "tl_opt_min_len"
OPT_BIGRAMS = "tl_opt_bigrams"
OPT_VERBS = "tl_opt_verbs"
OPT_FRAGMENTS = "tl_opt_fragments"  # Korean: keep Kiwi's one-syllable pieces
OPT_MIN_DF = "tl_opt_min_df"
OPT_MAX_DF = "tl_opt_max_df"
OPT_MAX_FEATURES = "tl_opt_max_features"

DOC_SEARCH = "tl_doc_search"

# Model controls (sidebar) and fits.
METHOD = "tl_method"  # "lda" or "lsa"
ENGINE = "tl_engine"
N_TOPICS = "tl_k"
ALPHA_MODE = "tl_alpha_mode"  # "default", "value" or "auto"
ALPHA = "tl_alpha"
ETA_MODE = "tl_eta_mode"
ETA = "tl_eta"
ITERATIONS = "tl_iterations"
SEED = "tl_seed"
WORKERS = "tl_workers"  # the Gibbs engine's cores
LSA_WEIGHTING = "tl_lsa_weighting"
LSA_K = "tl_lsa_k"
FIT_BUTTON = "tl_fit_button"
CANCEL_BUTTON = "tl_cancel_button"
CANCEL_BACKGROUND = "tl_cancel_background"  # Cancel of a fit running while another page is shown
STOP_LIVE = "tl_stop_live"  # Stop of a Gibbs fit whose model is shown while it converges (keeps that model)
PENDING = "tl_pending_fit"  # FitSpec waiting to run (or running)
LDA_KEY = "tl_lda_key"  # result-cache key of this session's current LDA fit
LSA_KEY = "tl_lsa_key"
FIT_MESSAGE = "tl_fit_message"  # ("error" | "info", text) from the last fit attempt
AUTO_FIT_DONE = "tl_auto_fit_done"

# LDA page.
SELECTED_TOPIC = "tl_selected_topic"  # model topic id or None
SELECTED_TERM = "tl_selected_term"
LAMBDA = "tl_lambda"
TOPIC_NAMES = "tl_topic_names"  # {lda key: {topic id: name}}
OPEN_DOCUMENT = "tl_open_document"
LAYOUT = "tl_layout"
MAP_REVISION = "tl_map_revision"  # counts map redraws: each is a new chart, with no selection left in the browser
BARS_REVISION = "tl_bars_revision"  # the same for the term bars, counted when a term is chosen or dropped
EXPLORED_FIT = "tl_explored_fit"  # the fit the topic and term choices belong to
K_FROM = "tl_k_from"  # the choose-K sweep's range
K_TO = "tl_k_to"
K_STEP = "tl_k_step"
CLASSIC_SHOW = "tl_classic_show"  # the classic LDAvis tab's "show" toggle
LDA_TAB = "tl_lda_tab"  # prefix: the tab widget, one per UI language (its value is the translated label)
LDA_TAB_OPEN = "tl_lda_tab_open"  # the open tab's name ("explore", "topics", ...), kept across languages

# LSA page.
LSA_SHOW_K = "tl_lsa_show_k"  # prefix: one k slider per LSA fit
LECTURE_ROUNDING = "tl_lecture_rounding"

# Gibbs classroom page.
GIBBS = "tl_gibbs_sampler"  # this session's ClassroomSampler
GIBBS_CONFIG = "tl_gibbs_config"  # the settings it was built with
GIBBS_SOURCE = "tl_gibbs_source"  # "lecture" or "corpus"
GIBBS_K = "tl_gibbs_k"
GIBBS_ALPHA = "tl_gibbs_alpha"
GIBBS_BETA = "tl_gibbs_beta"
GIBBS_SEED = "tl_gibbs_seed"
GIBBS_SWEEPS = "tl_gibbs_sweeps"
GIBBS_SPEED = "tl_gibbs_speed"
GIBBS_STORY = "tl_gibbs_story"
GIBBS_STORY_LENGTH = "tl_gibbs_story_length"
GIBBS_STORY_SEED = "tl_gibbs_story_seed"
GIBBS_NOTE = "tl_gibbs_note"

FAILED_FITS = "tl_failed_fits"  # keys of fits that failed or were cancelled in this session (not retried by themselves)

# Background jobs (app.job_ui).
JOB_OWNER = "tl_job_owner"  # this session's name as a job owner
LATEST_JOBS = "tl_latest_jobs"  # {kind: key} of the job this session asked for last ("read", "fit", "sweep")
CANCEL_READ = "tl_cancel_read"  # Cancel button of a running read of uploaded files
CANCEL_SWEEP = "tl_cancel_sweep"  # Cancel button of a running choose-K sweep
FAILED_READS = "tl_failed_reads"  # {corpus request key: error} of reads that failed or were cancelled here
READ_AGAIN = "tl_read_again"  # button: forget a failed or cancelled read and try again

# Widget values re-saved at the top of every run, so they survive runs in which their widget is not drawn (another
# page, a page that stopped early, the upload mode) and a change of UI language (translated labels give a widget a
# new identity). Only widgets created without an explicit default value may be listed here.
PERSISTENT: tuple[str, ...] = (
    LANG, SOURCE, SAMPLE,
    OPT_DOC_MODE, OPT_TEXT_COLUMN, OPT_ENCODING, OPT_LANGUAGE, OPT_STOP_WORDS, OPT_MIN_LEN, OPT_BIGRAMS, OPT_VERBS,
    OPT_FRAGMENTS,
    OPT_MIN_DF, OPT_MAX_DF, OPT_MAX_FEATURES, DOC_SEARCH,
    METHOD, ENGINE, N_TOPICS, ALPHA_MODE, ALPHA, ETA_MODE, ETA, ITERATIONS, SEED, WORKERS, LSA_WEIGHTING, LSA_K,
    LAMBDA, SELECTED_TERM, OPEN_DOCUMENT, LAYOUT, LECTURE_ROUNDING, K_FROM, K_TO, K_STEP,
    CLASSIC_SHOW,
    GIBBS_SOURCE, GIBBS_K, GIBBS_ALPHA, GIBBS_BETA, GIBBS_SEED, GIBBS_SWEEPS, GIBBS_SPEED, GIBBS_STORY_LENGTH,
    GIBBS_STORY_SEED,
)  # fmt: skip

# --- Word2vec page ---
W2V_TAB = "tl_w2v_tab"  # prefix: the tab widget, one per UI language
W2V_TAB_OPEN = "tl_w2v_tab_open"  # the open tab's name, kept across languages
W2V_ONE_POS = "tl_w2v_one_pos"  # position of the 1 in the lookup's one-hot vector (1-based)
W2V_CBOW_SENTENCE = "tl_w2v_cbow_sentence"  # index of the sample sentence
W2V_CBOW_CENTRE = "tl_w2v_cbow_centre"  # position of the centre word in it
W2V_CBOW_WINDOW = "tl_w2v_cbow_window"
W2V_PAIRS_TEXT = "tl_w2v_pairs_text"
W2V_PAIRS_WINDOW = "tl_w2v_pairs_window"
W2V_NEG_K = "tl_w2v_neg_k"
W2V_NEG_SEED = "tl_w2v_neg_seed"
W2V_ROOM = "tl_w2v_room"  # this session's Word2VecClassroom
W2V_MODE = "tl_w2v_mode"
W2V_DIM = "tl_w2v_dim"
W2V_TRAIN_WINDOW = "tl_w2v_train_window"
W2V_TRAIN_K = "tl_w2v_train_k"
W2V_LR = "tl_w2v_lr"
W2V_SEED = "tl_w2v_seed"
W2V_STEPS = "tl_w2v_steps"
W2V_SPEED = "tl_w2v_speed"
PERSISTENT += (
    W2V_ONE_POS, W2V_CBOW_SENTENCE, W2V_CBOW_CENTRE, W2V_CBOW_WINDOW, W2V_PAIRS_TEXT, W2V_PAIRS_WINDOW,
    W2V_NEG_K, W2V_NEG_SEED, W2V_MODE, W2V_DIM, W2V_TRAIN_WINDOW, W2V_TRAIN_K, W2V_LR, W2V_SEED,
    W2V_STEPS, W2V_SPEED,
)  # fmt: skip

# --- Word2vec page: your corpus ---
W2V_SG = "tl_w2v_sg"
W2V_C_DIM = "tl_w2v_c_dim"
W2V_C_WINDOW = "tl_w2v_c_window"
W2V_C_NEGATIVE = "tl_w2v_c_negative"
W2V_MIN_COUNT = "tl_w2v_min_count"
W2V_EPOCHS = "tl_w2v_epochs"
W2V_C_SEED = "tl_w2v_c_seed"
W2V_TRAINED = "tl_w2v_trained"  # result-cache key of this session's current embedding model
W2V_FAILED = "tl_w2v_failed"  # keys of trainings that failed or were cancelled (not restarted by themselves)
W2V_CANCEL = "tl_w2v_cancel"
W2V_PROJECTION = "tl_w2v_projection"  # "pca" or "tsne"
W2V_MAP_WORDS = "tl_w2v_map_words"
W2V_MAP_TOPIC = "tl_w2v_map_topic"  # LDA topic id to highlight, or None
W2V_PROBE = "tl_w2v_probe"
W2V_ANALOGY_A = "tl_w2v_analogy_a"
W2V_ANALOGY_B = "tl_w2v_analogy_b"
W2V_ANALOGY_C = "tl_w2v_analogy_c"
W2V_BLANK = "tl_w2v_blank"
PERSISTENT += (
    W2V_SG, W2V_C_DIM, W2V_C_WINDOW, W2V_C_NEGATIVE, W2V_MIN_COUNT, W2V_EPOCHS, W2V_C_SEED, W2V_PROJECTION,
    W2V_MAP_WORDS, W2V_PROBE, W2V_ANALOGY_A, W2V_ANALOGY_B, W2V_ANALOGY_C, W2V_BLANK,
)  # fmt: skip

# --- Attention & BERT page ---
ATTN_TAB = "tl_attn_tab"  # prefix: the tab widget, one per UI language
ATTN_TAB_OPEN = "tl_attn_tab_open"
ATTN_TEXT = "tl_attn_text"
ATTN_CORPUS_SENTENCE = "tl_attn_corpus_sentence"  # -1: the typed sentence, else a corpus document's index
ATTN_SOURCE = "tl_attn_source"  # "seeded" or "w2v"
ATTN_D_MODEL = "tl_attn_d_model"
ATTN_D_K = "tl_attn_d_k"
ATTN_HEADS = "tl_attn_heads"
ATTN_SEED = "tl_attn_seed"
ATTN_QUERY = "tl_attn_query"
PERSISTENT += (
    ATTN_TEXT, ATTN_CORPUS_SENTENCE, ATTN_SOURCE, ATTN_D_MODEL, ATTN_D_K, ATTN_HEADS, ATTN_SEED, ATTN_QUERY,
)  # fmt: skip

# --- LDA page: Time & groups tab ---
TIME_COLUMN = "tl_time_column"
TIME_BIN = "tl_time_bin"
TIME_TOPIC = "tl_time_topic"  # the tab's topic box (-1: all), mirrors SELECTED_TOPIC
TIME_GROUP_A = "tl_time_group_a"
TIME_GROUP_B = "tl_time_group_b"
PERSISTENT += (TIME_COLUMN, TIME_BIN, TIME_GROUP_A, TIME_GROUP_B)

# --- LDA page: topic relations and merging, saved models, new documents (issue 14) ---
MERGES = "tl_merges"  # {fit key: tuple of merge steps (each the ids merged, in the model before that step)}
MERGE_PICK = "tl_merge_pick"  # the topics chosen to merge
MERGE_VIEW = "tl_merge_view"  # (view key, fit key, merges) of the model the LDA page shows
SAVED_UPLOADER = "tl_saved_uploader"  # the .topiclens uploader widget
SAVED_FILE = "tl_saved_file"  # (name, bytes) of the opened .topiclens file, survives page switches
SAVED_OPENED = "tl_saved_opened"  # the content hash of the file whose names and merges were restored
NEWDOC_TEXT = "tl_newdoc_text"
NEWDOC_SEED = "tl_newdoc_seed"
PERSISTENT += (NEWDOC_TEXT, NEWDOC_SEED)

# --- LDA page: Which K? (genealogy across K), topic stability, seed words (issue 15) ---
WHICH_K_FROM = "tl_which_k_from"
WHICH_K_TO = "tl_which_k_to"
WHICH_K_STEP = "tl_which_k_step"
WHICH_K_RUNS = "tl_which_k_runs"
WHICH_K_PICK_K = "tl_which_k_pick_k"
WHICH_K_PICK_TOPIC = "tl_which_k_pick_topic"
CANCEL_WHICH_K = "tl_cancel_which_k"
STABILITY_RUNS = "tl_stability_runs"
CANCEL_STABILITY = "tl_cancel_stability"
SEED_WORDS = "tl_seed_words"  # the sidebar's seed-word text ("name: word word" per line)
PERSISTENT += (WHICH_K_FROM, WHICH_K_TO, WHICH_K_STEP, WHICH_K_RUNS, STABILITY_RUNS, SEED_WORDS)

# --- Attention & BERT page: BERT tabs ---
BERT_MASK_SEED = "tl_bert_mask_seed"
BERT_PAIR = "tl_bert_pair"
BERT_LAYERS = "tl_bert_layers"
BERT_HEADS = "tl_bert_heads"
BERT_DIM = "tl_bert_dim"
BERT_STEPS = "tl_bert_steps"
BERT_SEED = "tl_bert_seed"
BERT_CANCEL = "tl_bert_cancel"
BERT_SENTENCE = "tl_bert_sentence"
BERT_POSITION = "tl_bert_position"
BERT_LAYER = "tl_bert_layer"
PERSISTENT += (BERT_MASK_SEED, BERT_PAIR, BERT_LAYERS, BERT_HEADS, BERT_DIM, BERT_STEPS, BERT_SEED, BERT_SENTENCE,
               BERT_POSITION)  # fmt: skip

# --- Attention & BERT page: Seq2seq tab (issue 13, part C) ---
S2S_STEPS = "tl_s2s_steps"
S2S_HIDDEN = "tl_s2s_hidden"
S2S_TASK = "tl_s2s_task"
S2S_SEED = "tl_s2s_seed"
S2S_CANCEL = "tl_s2s_cancel"
PERSISTENT += (S2S_STEPS, S2S_HIDDEN, S2S_TASK, S2S_SEED)

# --- projector mode ---
PROJECTOR = "tl_projector"
PERSISTENT += (PROJECTOR,)
