"""A document full of things that look like rich markup, Markdown, HTML and links."""
from __future__ import annotations

import functools

CITED_URL = "https://www.mofa.go.kr/www/brd/m_4080/view.do?seq=1"

HOSTILE = (
    "외교 동향 [/] 점검 [bold]보고서[/bold]\n\n"
    "1. 회담 개요 [i]\n\n"
    "한일 정상은 2025년 3월 5일 도쿄에서[sic] 만나 [link=https://evil.example/a]여기[/link] "
    "<script>alert(1)</script> 반도체 협력에 합의했다.1\n\n"
    "2. 평가 [/kor/index.do] # 제목 아님 | 표 아님 `코드` *기울임*\n\n"
    "양국은 2025년 4월 1일 ![](https://tracker.example/p.png) [눌러 보기](javascript:alert(1)) "
    "<img src=x onerror=alert(3)> 후속 회의를 열 예정이다.2 \x1b]8;;https://evil.example\x1b\\숨은 링크\x1b]8;;\x1b\\\n\n"
    f"1 외교부. “회담 결과 [/kor/index.do]” (2025.3.5) {CITED_URL} (검색일: 2025.3.6)\n"
    "2 연합뉴스. “[단독] 후속 회의 <b>예정</b>” (2025.3.7) javascript:alert(2) (검색일: 2025.3.8)\n"
)


@functools.lru_cache(maxsize=1)
def hostile_analysis():
    from summitwatch.export import to_analysis
    from summitwatch.pipeline import analyze_text

    return to_analysis(analyze_text(HOSTILE, source="[/]<b>[link=https://evil.example]x[/link].txt"))
