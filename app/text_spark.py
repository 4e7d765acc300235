"""UI text of the Spark engine (issue 16): the engine's name, how to add Spark, a saved Spark fit's sample."""

from __future__ import annotations

SPARK_TEXT: dict[str, dict[str, str]] = {
    "engine_spark": {"en": "Apache Spark MLlib (EM)", "ko": "Apache Spark MLlib (EM)"},
    "engine_help_spark": {
        "en": "Spark MLlib runs here in local mode to try it on the current corpus (it starts Spark first: 10-40 s). "
        "Corpora too large for one machine belong to the command line: python -m models spark-fit INPUT --k K "
        "[--master spark://host:7077] --out MODEL.topiclens, then open the file here as a saved model.",
        "ko": "Spark MLlib를 이 컴퓨터에서 로컬 모드로 실행해 현재 말뭉치로 시험해 봅니다(먼저 Spark를 띄우느라 "
        "10-40초 걸립니다). 한 컴퓨터에 담기지 않는 말뭉치는 명령줄에서 학습하세요: python -m models spark-fit "
        "INPUT --k K [--master spark://host:7077] --out MODEL.topiclens, 그 파일을 여기서 저장된 모델로 엽니다.",
    },
    "engine_help_no_spark": {
        "en": "Apache Spark is not offered because {missing} is not installed here. To add it: python -m pip "
        "install -r requirements-spark.txt, and a Java runtime 17 or newer (Debian: apt-get install "
        "openjdk-17-jre-headless); then restart the app.",
        "ko": "이 컴퓨터에 {missing}이(가) 없어 Apache Spark 엔진은 보이지 않습니다. 추가하려면 python -m pip "
        "install -r requirements-spark.txt를 실행하고 Java 17 이상을 설치한 뒤(Debian: apt-get install "
        "openjdk-17-jre-headless) 앱을 다시 시작하세요.",
    },
    "spark_sample_notice": {
        "en": "Fitted by Spark on {total:,} documents; the document views show a uniform sample of {docs:,} of them "
        "(the topics and term frequencies are of all documents).",
        "ko": "Spark가 문서 {total:,}개로 학습했습니다. 문서 화면은 그중 무작위로 고른 {docs:,}개만 보여 줍니다"
        "(토픽과 단어 빈도는 모든 문서 기준).",
    },
}
