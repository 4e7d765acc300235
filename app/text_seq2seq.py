"""UI text of the Attention & BERT page's Seq2seq tab (Sutskever, Vinyals & Le 2014; the attention decoder)."""

from __future__ import annotations

SEQ2SEQ_TEXT: dict[str, dict[str, str]] = {
    "attn_tab_seq2seq": {"en": "Seq2seq", "ko": "Seq2seq"},
    "s2s_help": {
        "en": "A toy encoder-decoder (GRU) trained here on random strings of 5-8 symbols (A, B, ...): copy the source. "
        "Two models start from the same weights and see the same batches; one reads the source forward, the other "
        "reversed (Sutskever, Vinyals & Le 2014). A third reads it forward with an attention decoder.",
        "ko": "무작위 기호열(A, B, ..., 길이 5-8)을 그대로 베껴 쓰는 작은 인코더-디코더(GRU)를 여기서 학습합니다. 두 "
        "모델은 같은 가중치에서 시작해 같은 배치를 보며, 하나는 입력을 앞에서부터, 다른 하나는 거꾸로 읽습니다 "
        "(Sutskever, Vinyals & Le 2014). 세 번째 모델은 앞에서부터 읽고 어텐션 디코더를 씁니다.",
    },
    "s2s_steps": {"en": "steps", "ko": "단계 수"},
    "s2s_hidden": {"en": "hidden units", "ko": "은닉 유닛"},
    "s2s_task": {"en": "attention model's task", "ko": "어텐션 모델의 과제"},
    "s2s_task_copy": {"en": "copy", "ko": "복사"},
    "s2s_task_reverse": {"en": "reverse", "ko": "뒤집기"},
    "s2s_train": {"en": "Train", "ko": "학습"},
    "s2s_train_help": {
        "en": "Trains the three models in a worker process (about 15-45 s with the defaults).",
        "ko": "작업 프로세스에서 세 모델을 학습합니다(기본값으로 약 15-45초).",
    },
    "s2s_press_train": {"en": "Press Train to train the models.", "ko": "학습을 눌러 모델을 학습하세요."},
    "s2s_training": {"en": "Training the encoder-decoders", "ko": "인코더-디코더 학습 중"},
    "s2s_cancelled": {"en": "The training was cancelled.", "ko": "학습을 취소했습니다."},
    "s2s_loss_title": {"en": "Training loss (nats per symbol)", "ko": "학습 손실(기호당 nat)"},
    "s2s_step_axis": {"en": "step", "ko": "단계"},
    "s2s_forward": {"en": "source read forward", "ko": "입력을 앞에서부터"},
    "s2s_reversed": {"en": "source read reversed", "ko": "입력을 거꾸로"},
    "s2s_attention": {"en": "attention decoder", "ko": "어텐션 디코더"},
    "s2s_why": {
        "en": "Why reversing helps: without attention the decoder sees only the encoder's last state. Read reversed, "
        "the first symbols to write are the last ones read, a few steps back, so training links source and target "
        "at once; read forward, every symbol is a whole string away.",
        "ko": "거꾸로 읽으면 왜 쉬운가: 어텐션이 없으면 디코더는 인코더의 마지막 상태만 봅니다. 거꾸로 읽으면 "
        "처음 써야 할 기호가 마지막에 읽은 기호라 몇 단계 거리밖에 안 되어 학습이 입력과 출력을 곧바로 "
        "잇습니다. 앞에서부터 읽으면 모든 기호가 문자열 하나만큼 떨어져 있습니다.",
    },
    "s2s_accuracy": {
        "en": "Held-out strings written without a single wrong symbol ({n}): forward {f:.0f}%, reversed {r:.0f}%, "
        "attention {a:.0f}%. Trained in {seconds:.1f} s.",
        "ko": "기호 하나도 틀리지 않고 쓴 검증 문자열({n}개): 앞에서부터 {f:.0f}%, 거꾸로 {r:.0f}%, 어텐션 {a:.0f}%. "
        "학습 {seconds:.1f}초.",
    },
    "s2s_alignment_title": {
        "en": "Attention decoder's alignment ({task}): source →, written ↓",
        "ko": "어텐션 디코더의 정렬({task}): 입력 →, 출력 ↓",
    },
    "s2s_alignment_caption": {
        "en": "Each row is one written symbol's attention over the source (rows sum to 1). The {shape} is learned, not "
        "built in: nothing in the model says where to look. Mean weight on the anti-diagonal {anti:.2f}, on the "
        "diagonal {diag:.2f} (held-out strings).",
        "ko": "각 행은 쓴 기호 하나가 입력에 준 어텐션입니다(행의 합 1). {shape}은 학습된 것이지 만들어 넣은 것이 "
        "아닙니다: 어디를 볼지 모델에 정해 둔 것이 없습니다. 역대각선 평균 가중치 {anti:.2f}, 대각선 {diag:.2f} "
        "(검증 문자열).",
    },
    "s2s_diagonal": {"en": "diagonal", "ko": "대각선"},
    "s2s_anti_diagonal": {"en": "anti-diagonal", "ko": "역대각선"},
    "s2s_position_title": {"en": "Right symbols by target position", "ko": "출력 위치별 정답 비율"},
    "s2s_position_axis": {"en": "target position", "ko": "출력 위치"},
}
