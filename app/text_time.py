"""UI text of the LDA page's Time & groups tab."""

from __future__ import annotations

TIME_TEXT: dict[str, dict[str, str]] = {
    "tab_time": {"en": "Time & groups", "ko": "시간과 그룹"},
    "time_no_columns": {
        "en": "This corpus has no date or category column. Upload a CSV or Excel file with one (dates such as "
        "2024-03-05, 2024.03.05, 2024/3/5 or 2024년 3월 5일; a category is a column with a few repeated values), or "
        "pick the sample 'Korean listings with dates'.",
        "ko": "이 말뭉치에는 날짜나 범주 열이 없습니다. 날짜(2024-03-05, 2024.03.05, 2024/3/5, 2024년 3월 5일 등)나 "
        "범주(몇 가지 값이 반복되는 열)가 있는 CSV나 엑셀 파일을 올리거나, 샘플 '날짜가 있는 중고거래 게시글'을 "
        "고르세요.",
    },
    "time_column": {"en": "Column", "ko": "열"},
    "time_kind_date": {"en": "dates", "ko": "날짜"},
    "time_kind_category": {"en": "categories", "ko": "범주"},
    "time_bin": {"en": "Bin", "ko": "구간"},
    "time_bin_auto": {"en": "automatic", "ko": "자동"},
    "time_bin_year": {"en": "year", "ko": "연"},
    "time_bin_quarter": {"en": "quarter", "ko": "분기"},
    "time_bin_month": {"en": "month", "ko": "월"},
    "time_topic": {"en": "Topic (also selects it on the map)", "ko": "토픽 (지도에서도 선택됨)"},
    "time_unparsable": {
        "en": "{n} values of this column are not dates and are left out of the bins, e.g. {examples}.",
        "ko": "이 열의 값 {n}개는 날짜가 아니어서 구간에서 뺐습니다. 예: {examples}.",
    },
    "time_no_groups": {"en": "No document has a value in this column.", "ko": "이 열에 값이 있는 문서가 없습니다."},
    "time_caption": {
        "en": "{groups} groups, {docs:,} documents. A topic's share of a group is its share of the group's tokens "
        "(θ weighted by document length); bands and bars show 90% bootstrap intervals over the group's documents "
        "({boot} resamples).",
        "ko": "그룹 {groups}개, 문서 {docs:,}개. 그룹에서 토픽의 비율은 그룹 토큰 중 그 토픽의 비율(문서 길이로 "
        "가중한 θ)이고, 띠와 막대는 그룹 문서를 다시 뽑은 90% 부트스트랩 구간({boot}번)입니다.",
    },
    "time_area_title": {"en": "Topic shares by group (stacked)", "ko": "그룹별 토픽 비율 (누적)"},
    "time_share_axis": {"en": "% of tokens", "ko": "토큰 비율 %"},
    "time_small_title": {
        "en": "Each topic on its own, with its 90% interval",
        "ko": "토픽마다 따로 (90% 구간과 함께)",
    },
    "time_said": {"en": "What {topic} said in each group", "ko": "그룹마다 {topic}이(가) 한 말"},
    "time_group": {"en": "group", "ko": "그룹"},
    "time_docs": {"en": "documents", "ko": "문서"},
    "time_terms": {
        "en": "its top terms in this group's own tokens",
        "ko": "이 그룹의 토큰에서 본 주요 단어",
    },
    "time_pick_topic": {
        "en": "Pick a topic (here or on the map) to see its words move from group to group.",
        "ko": "토픽을 고르면(여기서나 지도에서) 그룹마다 단어가 어떻게 바뀌는지 보입니다.",
    },
    "time_compare": {"en": "Which topics differ between two groups", "ko": "두 그룹에서 달라지는 토픽"},
    "time_group_a": {"en": "Group A", "ko": "그룹 A"},
    "time_group_b": {"en": "Group B", "ko": "그룹 B"},
    "time_same_group": {"en": "Choose two different groups.", "ko": "서로 다른 두 그룹을 고르세요."},
    "time_diff_title": {"en": "Share in {a} minus share in {b}", "ko": "{a}의 비율 − {b}의 비율"},
    "time_diff_axis": {"en": "difference (percentage points, 90% interval)", "ko": "차이 (퍼센트포인트, 90% 구간)"},
}
