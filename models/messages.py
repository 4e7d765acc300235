"""Message catalogue for errors, notices and dropped-document reasons (English and Korean)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- files -----------------------------------------------------------------------------
    "file_too_large": {
        "en": "{name}: the file is {size_mb:.1f} MB, larger than the limit of {limit_mb:.0f} MB.",
        "ko": "{name}: 파일 크기가 {size_mb:.1f} MB로 제한({limit_mb:.0f} MB)을 넘습니다.",
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
        "en": "{name}: the archive unpacks to {size_mb:.1f} MB, more than the limit of {limit_mb:.0f} MB.",
        "ko": "{name}: 압축을 풀면 {size_mb:.1f} MB로 제한({limit_mb:.0f} MB)을 넘습니다.",
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
}
