"""Word lists that help recognise names the KB does not hold: Korean family names, the job
titles written next to an author's or reporter's name, and the last words of institution
names (연구소, 위원회, 사무국 ...)."""
from __future__ import annotations

# Korean family names (one syllable) covering nearly all of the population; two-syllable
# family names (남궁, 선우, 제갈, 황보, 독고, 사공) are handled as a first syllable too.
FAMILY_NAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 "
    "하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 "
    "위 표 명 기 반 라 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 황보 남궁 제갈 선우 "
    "독고 사공".split())

# Titles written after (or, in bylines, before) the name of an author, reporter or analyst.
BYLINE_TITLES = (
    "기자", "특파원", "논설위원", "논설실장", "편집국장", "앵커", "연구위원", "선임연구위원",
    "수석연구위원", "부연구위원", "책임연구위원", "객원연구위원", "초빙연구위원", "연구원",
    "선임연구원", "책임연구원", "수석연구원", "전임연구원", "교수", "부교수", "조교수",
    "명예교수", "석좌교수", "객원교수", "박사", "연구교수", "애널리스트", "이코노미스트",
    "센터장", "연구실장", "소장", "원장", "부원장", "실장", "팀장", "본부장", "국장", "부장",
)
# Labels that introduce the author of a piece: "글: 홍길동", "필자 홍길동".
AUTHOR_LABELS = ("글", "필자", "작성자", "작성", "집필", "저자", "기고")

# Institution names end in one of these words (longest first where they overlap).
INSTITUTION_SUFFIXES = (
    ("연구원", "institute"), ("연구소", "institute"), ("연구센터", "institute"),
    ("연구회", "institute"), ("재단", "institute"), ("진흥원", "institute"),
    ("위원회", "organisation"), ("사무국", "organisation"), ("협회", "organisation"),
    ("연합회", "organisation"), ("공사", "company"), ("공단", "organisation"),
    ("조선소", "company"), ("리서치", "pollster"), ("갤럽", "pollster"),
    ("여론조사", "pollster"),
)
# Words that make an institution suffix part of a job title or a generic body, not a name:
# 책임연구원 (a rank), 비상대책위원회 (every party has one).
GENERIC_INSTITUTION_PREFIXES = frozenset(
    "책임 선임 수석 전임 주임 객원 초빙 부 연구 공동 비상대책 비대위 운영 조사 준비 실무 "
    "특별 상임 소 분과 전문 자문 정책 윤리 예산 외교통일 국방 정보 법제사법 기획재정 한 "
    "이 그 저 각 해당 관련 산하 국내 해외 민간 국책 정부 출연 사설 대학 부설 상설".split())
# Suffixes of airports: a place (LOCATION), not an operator.
AIRPORT_SUFFIXES = ("국제공항", "공항")
