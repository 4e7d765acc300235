"""UI text of work in background processes (app.job_ui): waiting, limits, failures, cancellation."""

from __future__ import annotations

JOB_TEXT: dict[str, dict[str, str]] = {
    "job_waiting": {
        "en": "waiting for a free worker ({ahead} ahead)",
        "ko": "빈 작업 프로세스를 기다리는 중 (앞에 {ahead}개)",
    },
    "job_elapsed": {"en": "{seconds} s", "ko": "{seconds}초"},
    "job_memory_read": {
        "en": "Reading this input needed more than {limit} of memory, the most one task may use on this server, "
        "so it was stopped. Try fewer or smaller files, or split the text into several uploads.",
        "ko": "이 입력을 읽는 데 메모리가 {limit}보다 많이 필요해서 중단했습니다. "
        "이 서버에서 작업 하나가 쓸 수 있는 최대치입니다. 파일 수나 크기를 줄이거나 여러 번에 나눠 올려 주세요.",
    },
    "job_memory_fit": {
        "en": "This fit needed more than {limit} of memory, the most one task may use on this server, so it was "
        "stopped. Try fewer topics (K), a vocabulary cap, or a larger min_df.",
        "ko": "이 학습에 메모리가 {limit}보다 많이 필요해서 중단했습니다. 이 서버에서 작업 하나가 쓸 수 있는 "
        "최대치입니다. 토픽 수(K)를 줄이거나 어휘 수 상한을 두거나 min_df를 키워 보세요.",
    },
    "job_memory_sweep": {
        "en": "This sweep needed more than {limit} of memory, the most one task may use on this server, so it was "
        "stopped. Try a smaller range of K.",
        "ko": "이 K 탐색에 메모리가 {limit}보다 많이 필요해서 중단했습니다. 이 서버에서 작업 하나가 쓸 수 있는 "
        "최대치입니다. K 범위를 줄여 보세요.",
    },
    "job_time_read": {
        "en": "Reading this input took longer than {minutes} minutes, the most one task may take on this server, "
        "so it was stopped. Try fewer or smaller files.",
        "ko": "이 입력을 읽는 데 {minutes}분보다 오래 걸려서 중단했습니다. 이 서버에서 작업 하나에 허용하는 "
        "최대 시간입니다. 파일 수나 크기를 줄여 주세요.",
    },
    "job_time_fit": {
        "en": "This fit took longer than {minutes} minutes, the most one task may take on this server, so it was "
        "stopped. Try fewer iterations or topics, or a smaller corpus.",
        "ko": "이 학습이 {minutes}분보다 오래 걸려서 중단했습니다. 이 서버에서 작업 하나에 허용하는 최대 "
        "시간입니다. 반복 횟수나 토픽 수를 줄이거나 더 작은 말뭉치로 해 보세요.",
    },
    "job_time_sweep": {
        "en": "This sweep took longer than {minutes} minutes, the most one task may take on this server, so it "
        "was stopped. Try a smaller range of K or a larger step.",
        "ko": "이 K 탐색이 {minutes}분보다 오래 걸려서 중단했습니다. 이 서버에서 작업 하나에 허용하는 최대 "
        "시간입니다. K 범위를 줄이거나 간격을 키워 보세요.",
    },
    "job_died": {
        "en": "The worker doing this task stopped unexpectedly (signal {signal}), most likely because the server "
        "ran out of memory. Try a smaller input or fewer topics, or try again later.",
        "ko": "이 작업을 하던 프로세스가 예기치 않게 멈췄습니다 (신호 {signal}). 서버 메모리가 부족했을 "
        "가능성이 큽니다. 더 작은 입력이나 더 적은 토픽으로, 또는 잠시 뒤에 다시 해 보세요.",
    },
    "job_cancelled_read": {
        "en": "Reading these files was cancelled.",
        "ko": "파일 읽기를 취소했습니다.",
    },
    "job_cancelled": {"en": "The task was cancelled.", "ko": "작업을 취소했습니다."},
    "read_again": {"en": "Read the files again", "ko": "파일 다시 읽기"},
    "sweep_cancelled": {"en": "The sweep was cancelled.", "ko": "K 탐색을 취소했습니다."},
    "press_fit_again_lda": {
        "en": "The last fit with these options was cancelled or failed: press Fit in the sidebar to run it again.",
        "ko": "이 옵션의 마지막 학습이 취소되었거나 실패했습니다. 다시 하려면 사이드바에서 '학습'을 누르세요.",
    },
    "press_fit_again_lsa": {
        "en": "The last LSA fit with these options was cancelled or failed: press Fit in the sidebar (method "
        "LSA) to run it again.",
        "ko": "이 옵션의 마지막 LSA 학습이 취소되었거나 실패했습니다. 다시 하려면 사이드바에서 방법을 LSA로 "
        "고른 뒤 '학습'을 누르세요.",
    },
    "press_fit_method_lda": {
        "en": "Choose the method LDA in the sidebar and press Fit.",
        "ko": "사이드바에서 방법을 LDA로 고른 뒤 '학습'을 누르세요.",
    },
    "press_fit_method_lsa": {
        "en": "Choose the method LSA in the sidebar and press Fit.",
        "ko": "사이드바에서 방법을 LSA로 고른 뒤 '학습'을 누르세요.",
    },
}
