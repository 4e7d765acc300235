"""Message catalogue for errors, notices and dropped-document reasons (English and Korean)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- files -----------------------------------------------------------------------------
    "file_too_large": {
        "en": "{name}: the file is {size_mb:.1f} MB, larger than the limit of {limit_mb:.4g} MB.",
        "ko": "{name}: 파일 크기가 {size_mb:.1f} MB로 제한({limit_mb:.4g} MB)을 넘습니다.",
    },
    "file_empty": {
        "en": "{name}: the file is empty.",
        "ko": "{name}: 빈 파일입니다.",
    },
    "file_binary": {
        "en": "{name}: this looks like a binary file, not text. Upload .txt, .md, .csv, .tsv, .xlsx, "
        ".pdf, .docx, .hwpx or .zip.",
        "ko": "{name}: 텍스트가 아닌 바이너리 파일로 보입니다. .txt, .md, .csv, .tsv, .xlsx, .pdf, .docx, "
        ".hwpx, .zip 파일을 올려 주세요.",
    },
    "file_unsupported": {
        "en": "{name}: the file type '{ext}' is not supported. Upload .txt, .md, .csv, .tsv, .xlsx, .pdf, "
        ".docx, .hwpx or .zip.",
        "ko": "{name}: '{ext}' 형식은 지원하지 않습니다. .txt, .md, .csv, .tsv, .xlsx, .pdf, .docx, .hwpx, "
        ".zip 파일을 올려 주세요.",
    },
    "file_unreadable": {
        "en": "{name}: the file could not be read as {kind} ({detail}).",
        "ko": "{name}: {kind} 파일로 읽을 수 없습니다 ({detail}).",
    },
    "encoding_failed": {
        "en": "{name}: the text cannot be decoded as {encoding}.",
        "ko": "{name}: 텍스트를 {encoding} 인코딩으로 읽을 수 없습니다.",
    },
    "encoding_unknown": {
        "en": "Unknown encoding '{encoding}'.",
        "ko": "알 수 없는 인코딩 '{encoding}'입니다.",
    },
    "encoding_replaced": {
        "en": "{name}: the encoding could not be detected with confidence; undecodable bytes were replaced. "
        "Choose the encoding by hand if the text looks wrong.",
        "ko": "{name}: 인코딩을 확실히 알 수 없어 읽을 수 없는 바이트를 대체했습니다. 글자가 깨져 보이면 "
        "인코딩을 직접 고르세요.",
    },
    "no_text_column": {
        "en": "{name}: the table has no column named '{column}'. Columns: {columns}.",
        "ko": "{name}: 표에 '{column}' 열이 없습니다. 열 목록: {columns}.",
    },
    "table_no_text": {
        "en": "{name}: the table has no rows with text.",
        "ko": "{name}: 표에 텍스트가 있는 행이 없습니다.",
    },
    "pdf_pages_without_text": {
        "en": "{name}: {count} of {total} pages have no text layer (scanned images?); they were skipped.",
        "ko": "{name}: 전체 {total}쪽 중 {count}쪽에 텍스트가 없습니다(스캔 이미지일 수 있음). 건너뛰었습니다.",
    },
    "pdf_no_text": {
        "en": "{name}: the PDF has no text layer (it is probably a scan). Run OCR first.",
        "ko": "{name}: PDF에 텍스트가 없습니다(스캔본일 가능성이 큽니다). 먼저 OCR을 해 주세요.",
    },
    # --- zip archives ----------------------------------------------------------------------------
    "zip_bad": {
        "en": "{name}: not a valid zip archive.",
        "ko": "{name}: 올바른 zip 압축 파일이 아닙니다.",
    },
    "zip_too_many_files": {
        "en": "{name}: the archive holds {count} files, more than the limit of {limit}.",
        "ko": "{name}: 압축 파일 안의 파일이 {count}개로 제한({limit}개)을 넘습니다.",
    },
    "zip_too_large": {
        "en": "{name}: the archive unpacks to {size_mb:.1f} MB, more than the limit of {limit_mb:.4g} MB.",
        "ko": "{name}: 압축을 풀면 {size_mb:.1f} MB로 제한({limit_mb:.4g} MB)을 넘습니다.",
    },
    "zip_bomb": {
        "en": "{name}: '{member}' is compressed {ratio:.0f} times (limit {limit:.0f}); refusing a possible zip bomb.",
        "ko": "{name}: '{member}'의 압축률이 {ratio:.0f}배(제한 {limit:.0f}배)입니다. 압축 폭탄일 수 있어 거부합니다.",
    },
    "zip_unsafe_path": {
        "en": "{name}: skipped '{member}': its path points outside the archive.",
        "ko": "{name}: '{member}'는 압축 파일 밖을 가리키는 경로라서 건너뛰었습니다.",
    },
    "zip_nested": {
        "en": "{name}: skipped '{member}': archives inside archives are not opened.",
        "ko": "{name}: '{member}'는 압축 파일 안의 압축 파일이라 열지 않았습니다.",
    },
    "zip_member_skipped": {
        "en": "{name}: skipped '{member}': {reason}",
        "ko": "{name}: '{member}'를 건너뛰었습니다: {reason}",
    },
    "zip_empty": {
        "en": "{name}: the archive contains no readable documents.",
        "ko": "{name}: 압축 파일 안에 읽을 수 있는 문서가 없습니다.",
    },
    "zip_bomb_archive": {
        "en": "{name}: the archive's files are compressed {ratio:.0f} times on average (limit {limit:.0f}) and unpack "
        "to {size_mb:.0f} MB; refusing a possible zip bomb.",
        "ko": "{name}: 압축 파일 안의 파일들이 평균 {ratio:.0f}배(제한 {limit:.0f}배)로 압축되어 있고 "
        "풀면 {size_mb:.0f} MB가 됩니다. 압축 폭탄일 수 있어 거부합니다.",
    },
    "office_bomb": {
        "en": "{name}: the file's '{part}' is compressed {ratio:.0f} times (limit {limit:.0f}); refusing a possible "
        "decompression bomb.",
        "ko": "{name}: 파일 안의 '{part}'가 {ratio:.0f}배(제한 {limit:.0f}배)로 압축되어 있습니다. 압축 폭탄일 수 있어 "
        "거부합니다.",
    },
    "xml_entities": {
        "en": "{name}: the file's XML declares a DTD or entities, which documents from Word, Excel and Hancom never "
        "do; it was not read (a possible XML attack).",
        "ko": "{name}: 파일의 XML에 DTD나 엔티티 선언이 있습니다. 워드·엑셀·한글 문서에는 없는 것이라 읽지 "
        "않았습니다(XML 공격일 수 있음).",
    },
    "pdf_too_many_pages": {
        "en": "{name}: the PDF has {pages:,} pages, more than the limit of {limit:,}. Split it, or raise "
        "TOPICLENS_MAX_PDF_PAGES.",
        "ko": "{name}: PDF가 {pages:,}쪽으로 제한({limit:,}쪽)을 넘습니다. 파일을 나누거나 "
        "TOPICLENS_MAX_PDF_PAGES 값을 올려 주세요.",
    },
    "unpacked_too_large": {
        "en": "{name}: the input unpacks to more than {limit_mb:.4g} MB of content, the most one read may hold "
        "(TOPICLENS_MAX_UNPACKED_MB). Upload fewer or smaller files.",
        "ko": "{name}: 입력을 풀면 내용이 {limit_mb:.4g} MB를 넘습니다. 한 번에 읽을 수 있는 최대치입니다"
        "(TOPICLENS_MAX_UNPACKED_MB). 파일 수나 크기를 줄여 주세요.",
    },
    "read_too_slow": {
        "en": "{name}: reading the file took more than {seconds:.0f} seconds, the limit per file "
        "(TOPICLENS_MAX_READ_SECONDS). Upload a smaller file.",
        "ko": "{name}: 파일을 읽는 데 {seconds:.0f}초가 넘게 걸렸습니다(파일당 제한, "
        "TOPICLENS_MAX_READ_SECONDS). 더 작은 파일을 올려 주세요.",
    },
    "too_many_documents_lines": {
        "en": "{name}: more than {limit:,} documents (one per line), the limit (TOPICLENS_MAX_DOCUMENTS). Under "
        "Options, set 'Text files: one document per' to paragraph or file (CLI: --doc-mode paragraph), or split "
        "the input.",
        "ko": "{name}: 문서가 {limit:,}개(제한, TOPICLENS_MAX_DOCUMENTS)를 넘습니다(한 줄에 한 문서). 옵션의 "
        "'텍스트 파일: 문서 단위'를 문단이나 파일로 바꾸거나(CLI: --doc-mode paragraph) 입력을 나눠 주세요.",
    },
    "too_many_documents": {
        "en": "{name}: more than {limit:,} documents in one read, the limit (TOPICLENS_MAX_DOCUMENTS). Under "
        "Options, set 'Text files: one document per' to file (CLI: --doc-mode file), or split the input.",
        "ko": "{name}: 한 번에 읽을 수 있는 문서 수({limit:,}개, TOPICLENS_MAX_DOCUMENTS)를 넘습니다. 옵션의 "
        "'텍스트 파일: 문서 단위'를 파일로 바꾸거나(CLI: --doc-mode file) 입력을 나눠 주세요.",
    },
    "bad_limit": {
        "en": "The environment variable {variable}={value!r} must be a positive number.",
        "ko": "환경 변수 {variable}={value!r} 값은 양수여야 합니다.",
    },
    # --- corpus ----------------------------------------------------------------------------
    "no_files": {
        "en": "No files were given.",
        "ko": "파일이 없습니다.",
    },
    "no_documents": {
        "en": "No documents were found in the input.",
        "ko": "입력에서 문서를 찾지 못했습니다.",
    },
    "no_terms": {
        "en": "No terms are left after preprocessing: every word was a stop word, too short or filtered by "
        "min_df/max_df. Check the language setting or relax the filters.",
        "ko": "전처리 후 남은 단어가 없습니다. 모든 단어가 불용어이거나 너무 짧거나 min_df/max_df로 걸러졌습니다. "
        "언어 설정을 확인하거나 필터를 완화해 주세요.",
    },
    "bad_option": {
        "en": "Invalid option {option}={value!r}: {why}",
        "ko": "잘못된 옵션 {option}={value!r}: {why}",
    },
    # --- word2vec classroom ------------------------------------------------------------------
    "pairs_no_words": {
        "en": "The sentence has no words to pair: write a sentence with letters in it.",
        "ko": "짝을 지을 단어가 없습니다. 글자가 들어 있는 문장을 써 주세요.",
    },
    "pairs_too_long": {
        "en": "The sentence has {words} words; the table takes at most {limit}. Use a shorter sentence.",
        "ko": "문장이 {words}단어입니다. 표는 {limit}단어까지 만듭니다. 더 짧은 문장을 써 주세요.",
    },
    "unknown_sample": {
        "en": "Unknown sample '{name}'. Samples: {names}.",
        "ko": "알 수 없는 샘플 '{name}'입니다. 샘플 목록: {names}.",
    },
    "input_not_found": {
        "en": "{name}: no such file, and no sample of that name (samples: {names}).",
        "ko": "{name}: 그런 파일이 없고 같은 이름의 샘플도 없습니다(샘플: {names}).",
    },
    # --- topic models ---------------------------------------------------------------------------
    "lsa_bad_k": {
        "en": "The number of LSA dimensions must be a whole number from 1 to {max_k} for this matrix "
        "({n_terms} terms × {n_docs} documents); got {k!r}.",
        "ko": "LSA 차원 수는 이 행렬({n_terms}개 단어 × {n_docs}개 문서)에서 1부터 {max_k}까지의 정수여야 합니다. "
        "입력값: {k!r}.",
    },
    "lsa_bad_k_randomized": {
        "en": "The randomized SVD used for a matrix this large ({n_terms} terms × {n_docs} documents) keeps fewer "
        "dimensions than the smaller side: choose 1 to {max_k}; got {k!r}.",
        "ko": "이렇게 큰 행렬({n_terms}개 단어 × {n_docs}개 문서)에 쓰는 무작위 SVD는 작은 쪽 크기보다 적은 차원만 "
        "구할 수 있습니다. 1부터 {max_k}까지 고르세요. 입력값: {k!r}.",
    },
    "lsa_bad_weighting": {
        "en": "Unknown term weighting '{weighting}'. Choose one of: {choices}.",
        "ko": "알 수 없는 단어 가중치 '{weighting}'입니다. 다음 중에서 고르세요: {choices}.",
    },
    "lda_bad_k": {
        "en": "The number of topics K must be a whole number from 1 to {max_k} (at most the vocabulary size, "
        "{vocab_size} terms, and at most {limit}); got {k!r}.",
        "ko": "토픽 수 K는 1부터 {max_k}까지의 정수여야 합니다(어휘 수 {vocab_size}개 이하, 최대 {limit}개). "
        "입력값: {k!r}.",
    },
    "lda_unknown_engine": {
        "en": "Unknown LDA engine '{engine}'. Engines: {engines}.",
        "ko": "알 수 없는 LDA 엔진 '{engine}'입니다. 엔진 목록: {engines}.",
    },
    "lda_bad_prior": {
        "en": "{name} must be a positive number; got {value!r}.",
        "ko": "{name} 값은 양수여야 합니다. 입력값: {value!r}.",
    },
    "lda_auto_alpha_unsupported": {
        "en": "alpha='auto' (an asymmetric prior learned from the data) is only available with the gensim engine; "
        "the {engine} engine needs a positive number.",
        "ko": "alpha='auto'(데이터에서 학습하는 비대칭 사전분포)는 gensim 엔진에서만 쓸 수 있습니다. "
        "{engine} 엔진에는 양수를 입력하세요.",
    },
    "lda_bad_count": {
        "en": "{name} must be a whole number of at least 1; got {value!r}.",
        "ko": "{name} 값은 1 이상의 정수여야 합니다. 입력값: {value!r}.",
    },
    "lda_no_tokens": {
        "en": "The corpus has no tokens, so no topic model can be fitted.",
        "ko": "코퍼스에 단어가 하나도 없어 토픽 모델을 학습할 수 없습니다.",
    },
    "choose_k_empty": {
        "en": "Give at least one number of topics to compare.",
        "ko": "비교할 토픽 수를 하나 이상 입력하세요.",
    },
    # --- caps on model options, and command-line inputs -------------------------------------------
    "seed_out_of_range": {
        "en": "The random seed must be a whole number from 0 to {max_seed:,} for the {engine} engine; got {value!r}.",
        "ko": "난수 시드는 {engine} 엔진에서 0부터 {max_seed:,}까지의 정수여야 합니다. 입력값: {value!r}.",
    },
    "lda_count_too_large": {
        "en": "{name} must be at most {limit:,}; got {value:,}. Fits level off long before that (the defaults are "
        "200 or fewer).",
        "ko": "{name} 값은 최대 {limit:,}입니다. 입력값: {value:,}. 학습은 그보다 훨씬 먼저 수렴합니다(기본값은 200 "
        "이하).",
    },
    "lda_prior_too_large": {
        "en": "{name} must be a positive number of at most {limit:g} for the {engine} engine; got {value!r}.",
        "ko": "{name} 값은 {engine} 엔진에서 {limit:g} 이하의 양수여야 합니다. 입력값: {value!r}.",
    },
    "lda_phi_too_large": {
        "en": "K = {k:,} × {n_terms:,} terms needs {size} for the topic-word matrix; the limit is {limit} "
        "(K × terms up to {cells:,}): lower K, or keep fewer terms (--max-features, or the vocabulary cap of the "
        "corpus options).",
        "ko": "K = {k:,} × 단어 {n_terms:,}개이면 토픽-단어 행렬에 {size}가 필요합니다. 제한은 {limit}"
        "(K × 단어 수 {cells:,} 이하)입니다. K를 줄이거나 단어 수를 줄이세요(--max-features 또는 코퍼스 옵션의 "
        "어휘 수 상한).",
    },
    "lda_theta_too_large": {
        "en": "K = {k:,} × {n_docs:,} documents needs {size} for the document-topic matrix; the limit is {limit} "
        "(K × documents up to {cells:,}): lower K, or use fewer documents.",
        "ko": "K = {k:,} × 문서 {n_docs:,}개이면 문서-토픽 행렬에 {size}가 필요합니다. 제한은 {limit}"
        "(K × 문서 수 {cells:,} 이하)입니다. K를 줄이거나 문서 수를 줄이세요.",
    },
    "lsa_too_large": {
        "en": "LSA with k = {k:,} on {n_terms:,} terms × {n_docs:,} documents needs {size} for U and Vᵀ; the limit "
        "is {limit} (k × (terms + documents) up to {cells:,}): lower k (at most {max_k:,} here), or keep fewer "
        "terms (--max-features, or the vocabulary cap of the corpus options).",
        "ko": "단어 {n_terms:,}개 × 문서 {n_docs:,}개에서 k = {k:,}인 LSA는 U와 Vᵀ에 {size}가 필요합니다. 제한은 "
        "{limit}(k × (단어 수 + 문서 수) {cells:,} 이하)입니다. k를 줄이거나(여기서는 최대 {max_k:,}) 단어 수를 "
        "줄이세요(--max-features 또는 코퍼스 옵션의 어휘 수 상한).",
    },
    "choose_k_too_many": {
        "en": "The K sweep would fit {count} models; the limit is {limit}: use a larger step or a shorter range.",
        "ko": "K 비교에서 모델을 {count}개 학습하게 됩니다. 제한은 {limit}개입니다. 간격을 늘리거나 범위를 줄이세요.",
    },
    "choose_k_too_large": {
        "en": "The K sweep goes up to K = {k!r}; a sweep compares K from 1 to {limit}.",
        "ko": "K 비교 범위가 K = {k!r}까지입니다. K 비교는 1부터 {limit}까지 할 수 있습니다.",
    },
    "input_is_directory": {
        "en": "{name}: this is a folder, not a file. Name the files inside it (e.g. {name}/*.txt) or zip the folder.",
        "ko": "{name}: 파일이 아니라 폴더입니다. 폴더 안의 파일을 지정하거나(예: {name}/*.txt) 폴더를 zip으로 묶어 "
        "주세요.",
    },
    "input_not_regular": {
        "en": "{name}: not a regular file (a pipe, socket or device); save the input to a file first.",
        "ko": "{name}: 일반 파일이 아닙니다(파이프, 소켓, 장치 등). 먼저 파일로 저장해 주세요.",
    },
    "input_unreadable": {
        "en": "{name}: the file cannot be opened ({detail}).",
        "ko": "{name}: 파일을 열 수 없습니다({detail}).",
    },
    "output_unwritable": {
        "en": "{name}: the output file cannot be written ({detail}).",
        "ko": "{name}: 출력 파일을 쓸 수 없습니다({detail}).",
    },
    "option_not_number": {
        "en": "{option} must be a number; got {value!r}.",
        "ko": "{option} 값은 숫자여야 합니다. 입력값: {value!r}.",
    },
    "option_not_whole": {
        "en": "{option} must be a whole number; got {value!r}.",
        "ko": "{option} 값은 정수여야 합니다. 입력값: {value!r}.",
    },
    "option_not_finite": {
        "en": "{option} must be a finite number; got {value!r}.",
        "ko": "{option} 값은 유한한 숫자여야 합니다. 입력값: {value!r}.",
    },
    "option_not_positive": {
        "en": "{option} must be a number above 0; got {value!r}.",
        "ko": "{option} 값은 0보다 큰 숫자여야 합니다. 입력값: {value!r}.",
    },
    "max_df_out_of_range": {
        "en": "--max-df must be a share of documents above 0 and at most 1 (or a document count above 1); "
        "got {value!r}.",
        "ko": "--max-df 값은 0보다 크고 1 이하인 문서 비율(또는 1보다 큰 문서 수)이어야 합니다. 입력값: {value!r}.",
    },
    "out_of_memory": {
        "en": "Out of memory: this input and these options need more memory than this machine has. Use a smaller "
        "input, lower K or k, or keep fewer terms (--max-features).",
        "ko": "메모리가 부족합니다. 이 입력과 옵션에는 이 컴퓨터의 메모리보다 많은 메모리가 필요합니다. "
        "입력을 줄이거나 K·k를 낮추거나 단어 수를 줄이세요(--max-features).",
    },
    # --- dropped documents -----------------------------------------------------------------------
    "dropped_empty": {
        "en": "empty document",
        "ko": "빈 문서",
    },
    "dropped_no_terms": {
        "en": "no terms left after preprocessing (only stop words, short or rare words)",
        "ko": "전처리 후 남은 단어 없음(불용어·짧은 단어·드문 단어뿐)",
    },
    # --- topic visualisation (LDAvis) ----------------------------------------------------------
    "vis_no_tokens": {
        "en": "The documents hold no tokens, so topic sizes cannot be computed.",
        "ko": "문서에 단어가 하나도 없어 토픽 크기를 계산할 수 없습니다.",
    },
    "ldavis_one_topic": {
        "en": "The LDAvis view needs at least 2 topics; this model has {k}. Fit the model with more topics.",
        "ko": "LDAvis 화면에는 토픽이 2개 이상 필요합니다. 이 모델의 토픽은 {k}개입니다. 토픽 수를 늘려 다시 학습해 "
        "주세요.",
    },
    # --- word embeddings (Word2vec) ------------------------------------------------------------
    "w2v_too_few_words": {
        "en": "Word vectors need at least {words} different words; this corpus has fewer.",
        "ko": "단어 벡터를 학습하려면 서로 다른 단어가 {words}개 이상 있어야 합니다. 이 코퍼스에는 그보다 적습니다.",
    },
    "w2v_min_count_too_high": {
        "en": "min_count={value!r} leaves fewer than {words} words in the vocabulary; choose at most {highest}.",
        "ko": "min_count={value!r}이면 어휘에 남는 단어가 {words}개보다 적습니다. {highest} 이하로 고르세요.",
    },
    "w2v_unknown_word": {
        "en": "'{word}' is not in the word vectors' vocabulary ({vocab_size:,} words; words seen fewer than "
        "{min_count} times are left out).",
        "ko": "'{word}'은(는) 단어 벡터의 어휘({vocab_size:,}개)에 없습니다. {min_count}번보다 적게 나온 단어는 "
        "빠집니다.",
    },
    "w2v_unknown_word_close": {
        "en": "'{word}' is not in the word vectors' vocabulary ({vocab_size:,} words; words seen fewer than "
        "{min_count} times are left out). Similar words: {close}.",
        "ko": "'{word}'은(는) 단어 벡터의 어휘({vocab_size:,}개)에 없습니다. {min_count}번보다 적게 나온 단어는 "
        "빠집니다. 비슷한 단어: {close}.",
    },
    # --- BERT classroom (tiny BERT) -------------------------------------------------------------
    "bert_too_few_sentences": {
        "en": "BERT's sentence pairs need documents of at least {min_tokens} tokens (two sentences); this corpus has "
        "too few of them to train and test on.",
        "ko": "BERT의 문장 쌍을 만들려면 토큰이 {min_tokens}개 이상인(문장이 둘 이상인) 문서가 필요합니다. "
        "이 코퍼스에는 학습하고 평가할 만큼 충분하지 않습니다.",
    },
    "bert_dim_heads": {
        "en": "The model size dim={dim} must be a multiple of the number of heads ({heads}): each head gets "
        "dim / heads.",
        "ko": "모델 크기 dim={dim}은(는) 헤드 수({heads})의 배수여야 합니다. 헤드마다 dim / heads 차원을 씁니다.",
    },
    "bert_empty_sentence": {
        "en": "The sentence has no words.",
        "ko": "문장에 단어가 없습니다.",
    },
    "bert_sentence_too_long": {
        "en": "The sentence has {n} tokens; this model reads at most {limit}.",
        "ko": "문장의 토큰이 {n}개입니다. 이 모델은 최대 {limit}개까지 읽습니다.",
    },
    "bert_position_out_of_range": {
        "en": "There is no word {position} to mask: the sentence has {n} words (counted from 0).",
        "ko": "가릴 {position}번 단어가 없습니다. 문장의 단어는 {n}개입니다(0부터 셉니다).",
    },
    # --- topic merging, saved models (.topiclens), new documents (issue 14) ---------------------------
    "merge_needs_two": {
        "en": "Choose at least two different topics to merge (this model has topics 0 to {k} - 1; asked: {topics}).",
        "ko": "합칠 토픽을 서로 다른 두 개 이상 고르세요(이 모델의 토픽 번호는 0부터 {k} - 1까지, "
        "고른 번호: {topics}).",
    },
    "merge_all_topics": {
        "en": "Merging all {k} topics would leave one topic; leave at least one topic out.",
        "ko": "토픽 {k}개를 모두 합치면 토픽이 하나만 남습니다. 적어도 한 토픽은 빼 주세요.",
    },
    "saved_not_topiclens": {
        "en": "{name}: this is not a TopicLens model file (.topiclens): {detail}.",
        "ko": "{name}: TopicLens 모델 파일(.topiclens)이 아닙니다: {detail}.",
    },
    "saved_damaged": {
        "en": "{name}: the model file is damaged and cannot be opened ({detail}).",
        "ko": "{name}: 모델 파일이 손상되어 열 수 없습니다({detail}).",
    },
    "saved_hash_mismatch": {
        "en": "{name}: the model file's content does not match its hash ({member} was changed or damaged); it was "
        "not opened.",
        "ko": "{name}: 모델 파일의 내용이 해시와 맞지 않습니다({member}이(가) 바뀌었거나 손상됨). 열지 않았습니다.",
    },
    "saved_newer_version": {
        "en": "{name}: the model file has format version {version}, newer than this TopicLens reads (up to "
        "{supported}). Update TopicLens to open it.",
        "ko": "{name}: 모델 파일의 형식 버전({version})이 이 TopicLens가 읽을 수 있는 버전({supported})보다 "
        "새롭습니다. TopicLens를 업데이트한 뒤 여세요.",
    },
    "saved_unsafe_member": {
        "en": "{name}: the model file holds a member with an unsafe name ({member}); it was not opened.",
        "ko": "{name}: 모델 파일에 안전하지 않은 이름의 항목({member})이 있어 열지 않았습니다.",
    },
    "saved_unexpected_member": {
        "en": "{name}: the model file holds an unexpected member ({member}); only TopicLens's own members are "
        "accepted, so it was not opened.",
        "ko": "{name}: 모델 파일에 예상하지 않은 항목({member})이 있습니다. TopicLens가 만든 항목만 받으므로 "
        "열지 않았습니다.",
    },
    "saved_pickle": {
        "en": "{name}: the model file holds Python objects (pickle) in {member}; such files can run code and are "
        "never opened.",
        "ko": "{name}: 모델 파일의 {member}에 파이썬 객체(pickle)가 들어 있습니다. 이런 파일은 코드를 실행할 수 "
        "있으므로 열지 않습니다.",
    },
    "saved_too_large": {
        "en": "{name}: the model file unpacks to {size_mb:.1f} MB or holds {count} members, over the limit "
        "({limit_mb:.4g} MB, {limit_count} members).",
        "ko": "{name}: 모델 파일을 풀면 {size_mb:.1f} MB이거나 항목이 {count}개로 제한({limit_mb:.4g} MB, "
        "{limit_count}개)을 넘습니다.",
    },
    "saved_bomb": {
        "en": "{name}: {member} is compressed {ratio:.0f} times (limit {limit:.0f}); this looks like a "
        "decompression bomb, so the file was not opened.",
        "ko": "{name}: {member}의 압축률이 {ratio:.0f}배(제한 {limit:.0f}배)입니다. 압축 폭탄으로 보여 열지 "
        "않았습니다.",
    },
    "fold_in_no_words": {
        "en": "None of the new text's words are in the model's vocabulary ({unknown} words not known), so its "
        "topics cannot be inferred.",
        "ko": "새 글의 단어가 모델의 어휘에 하나도 없어(모르는 단어 {unknown}개) 토픽을 추정할 수 없습니다.",
    },
    # --- Spark (issue 16: models.lda.engines.spark_lda, python -m models spark-fit) -----------------------------
    "spark_unavailable": {
        "en": "Spark is not installed here ({missing} is missing). Install it with "
        "'python -m pip install -r requirements-spark.txt' and a Java runtime 17 or newer "
        "(Debian: apt-get install openjdk-17-jre-headless).",
        "ko": "이 컴퓨터에는 Spark가 설치되어 있지 않습니다({missing} 없음). "
        "'python -m pip install -r requirements-spark.txt'로 설치하고 Java 17 이상을 설치해 주세요"
        "(Debian: apt-get install openjdk-17-jre-headless).",
    },
    "spark_start_failed": {
        "en": "Spark could not start on master {master}: {detail}",
        "ko": "Spark를 마스터 {master}에서 시작하지 못했습니다: {detail}",
    },
    "spark_failed": {
        "en": "Spark stopped with an error: {detail}",
        "ko": "Spark가 오류로 멈췄습니다: {detail}",
    },
    "spark_em_prior": {
        "en": "Spark's EM optimizer needs {name} above 1 (got {value}); leave it out for Spark's default, or use "
        "--optimizer online.",
        "ko": "Spark의 EM 최적화는 {name} 값이 1보다 커야 합니다(입력값 {value}). 비워 두면 Spark 기본값을 쓰고, "
        "아니면 --optimizer online을 쓰세요.",
    },
    "spark_input_format": {
        "en": "{name}: spark-fit reads a folder of text files, .txt, .csv or .parquet (what Spark reads natively); "
        "for {ext} files use 'python -m models fit'.",
        "ko": "{name}: spark-fit은 텍스트 파일 폴더, .txt, .csv, .parquet만 읽습니다(Spark가 바로 읽는 형식). "
        "{ext} 파일은 'python -m models fit'을 쓰세요.",
    },
    "spark_input_empty": {
        "en": "{name}: Spark found no document with text in it.",
        "ko": "{name}: Spark가 텍스트가 든 문서를 하나도 찾지 못했습니다.",
    },
    "spark_no_text_column": {
        "en": "{name}: no text column{column}. String columns: {columns}.",
        "ko": "{name}: 텍스트 열이 없습니다{column}. 문자열 열: {columns}.",
    },
    "spark_sample_documents": {
        "en": "--sample-docs must be a whole number of at least 1 (got {value}).",
        "ko": "--sample-docs는 1 이상의 정수여야 합니다(입력값 {value}).",
    },
    # --- slide export ---------------------------------------------------------------------------
    "export_no_browser": {
        "en": "Pictures for slides are drawn by Chromium, which is not installed on this server "
        "(apt-get install chromium fonts-noto-cjk).",
        "ko": "슬라이드용 그림은 Chromium으로 그리는데 이 서버에 설치되어 있지 않습니다 "
        "(apt-get install chromium fonts-noto-cjk).",
    },
}
