"""Stop words: scikit-learn's English list and the project's own short Korean list.

The Korean list holds nouns that Kiwi tags NNG/NNP but that carry no topic: bound and dependent nouns,
pronoun-like and time words, and listing boilerplate common to every second-hand-market post is *not* here
(words such as 거래 or 택배 are real vocabulary in those corpora).
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

__all__ = ["ENGLISH", "KOREAN"]


def _scikit_learn_english() -> frozenset[str]:
    """scikit-learn's ``ENGLISH_STOP_WORDS``, read from its module file without importing scikit-learn.

    Importing ``sklearn.feature_extraction.text`` costs about a second (it loads SciPy's statistics and pandas),
    which every CLI command and worker process would pay for 318 words. The module holds nothing but the list, so
    its literal is parsed here; when the file is not where it was, scikit-learn is imported after all.
    """
    spec = importlib.util.find_spec("sklearn")  # finds the package without running it
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "feature_extraction" / "_stop_words.py"
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "ENGLISH_STOP_WORDS" for t in node.targets
                ):
                    words = ast.literal_eval(node.value.args[0])  # frozenset([...])
                    return frozenset(words)
        except (OSError, SyntaxError, ValueError, AttributeError, IndexError):
            pass
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


ENGLISH: frozenset[str] = _scikit_learn_english()

KOREAN: frozenset[str] = frozenset(
    """
    것 수 등 때 곳 중 데 바 뿐 듯 줄 채 척 터 만큼 따위 정도 경우 때문 관련 대한
    통해 위해 이것 그것 저것 여기 거기 저기 무엇 누구 어디 언제 이번 저번 다음 이상
    이하 이후 이전 이내 오늘 어제 내일 지금 현재 요즘 당시 우리 저희 자신 모두 여러분
    씨 님 분 개 명 번 가지 쪽 측 부분 전체 일부 사실 생각 문제 내용 결과 자체 하나
    둘 셋 년 월 일 시 초 말 앞 뒤 안 밖 위 아래 좀 더 또 및 혹은 또는 그리고
    그러나 하지만
    """.split()
)
