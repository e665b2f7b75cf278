"""Words that make a clause a commitment, and the words around them that undo it.

Everything here works on Kiwi tokens (``summitwatch.nlp.Token``): a cue is a noun such as
약속/합의/재확인 used as the predicate (followed by 하다/되다), or the verb 밝히다, or an
English pledge verb. The modality of the clause that follows the cue tells a reported
commitment ("합의했다") from the author's advice ("강화해야 한다"), a possibility
("제시될 수 있는") or background ("발표한 바 있다").
"""
from __future__ import annotations

import re

# Strong cues commit a party on their own; weak ones ("확대", "강화") describe policy as often
# as they pledge it, so they need a summit, statement or agreement nearby.
STRONG_CUES = ("약속", "합의", "공약", "천명", "표명", "재확인", "결의", "발표", "수락", "승인", "서약",
               "선언", "다짐", "밝히")
WEAK_CUES = ("확인", "제시", "반대", "지지", "확대", "강화", "추진", "협력")
# 협력 is only a cue in tables ("협력 추진"); in prose it is too common to count as one.
PROSE_CUES = frozenset(STRONG_CUES + WEAK_CUES) - {"협력"}
TABLE_CUES = STRONG_CUES + WEAK_CUES
ENGLISH_CUE = re.compile(r"^(pledg|commit|agree|reaffirm|announc|vow)", re.I)

# Predicate-forming suffixes after a cue noun ("약속/NNG 하/XSV", "확인/NNG 되/XSV").
PREDICATE_TAGS = frozenset({"XSV", "XSA"})
PREDICATE_FORMS = frozenset({"하", "되", "시키"})

# Connective endings that close a clause. Adverbial -어/-아 ("통해", "위해") and quotative
# -다고/-라고 do not: the clause goes on.
CLAUSE_EC = frozenset({"고", "며", "으며", "으나", "나", "지만", "는데", "은데", "ᆫ데", "는데도", "면서",
                       "으면서", "므로", "으므로", "어서", "아서", "여서", "니", "으니", "ᆫ데도", "지마는"})
# Bound nouns that, after an adnominal ending, join two clauses ("합의한 만큼").
CLAUSE_NNB = frozenset({"만큼", "반면", "가운데", "뒤", "후", "데", "때", "동시", "대신"})

GENERIC_NOUNS = frozenset("""
내용 사항 것 점 결과 기존 향후 문제 부분 등 측면 입장 방침 수준 상당 노력 정상회담 회담 공동 성명
공동성명 정상 양국 차원 이번 당시 지난 이후 이전 관련 분야 방향 방안 의미 가능 필요 중요 중요성 경우
정도 이상 이하 모습 상황 과정 계기 기대 평가 최근 현재 오늘 올해 작년 내년 번 일 측 간 각 바
다음 한편 또한 재차 다시 강력 일본측 미국측 자리 주요 기본 다양 적극 지속 계속 시기 대해 대한
""".split())

# After a cue, up to the end of its clause: these make it advice, a possibility or background.
_OBLIGATION = ("어야", "아야", "여야")


def tail_modality(tail) -> str | None:
    """Why the tokens after a cue (to the end of its clause) disqualify it, or None.

    Returns 'advice' (해야 한다, 필요가 있다), 'possible' (할 수 있다, 할 것이다), 'negated'
    (하지 않았다), 'background' (한 바 있다), 'ongoing' (하고 있다; judged by the caller),
    'conditional' (하면, 할 경우)."""
    forms = [t.form for t in tail]
    tags = [t.tag for t in tail]
    for i, (f, tag) in enumerate(zip(forms, tags)):
        nxt = forms[i + 1] if i + 1 < len(forms) else ""
        if tag == "EC" and f in _OBLIGATION:
            return "advice"
        if f == "필요" or (f == "바람직" and tag.startswith("X")):
            return "advice"
        if tag == "ETM" and f in ("ᆯ", "을") and nxt in ("수", "것", "경우", "예정", "계획"):
            return "possible" if nxt in ("수", "것") else "conditional"
        if tag == "ETM" and nxt == "바" and i + 2 < len(forms) and forms[i + 2] in ("있", "없"):
            return "background"
        if tag == "EC" and f in ("지", "지는") and (nxt in ("않", "못") or (
                nxt in ("는", "도", "은") and i + 2 < len(forms) and forms[i + 2] in ("않", "못"))):
            return "negated"       # "표명하지 않았다", "표명하지는 않았다", "약속하지도 못했다"
        if tag == "EC" and f in ("면", "으면", "다면", "ᆫ다면", "는다면"):
            return "conditional"
        if tag == "EC" and f == "고" and nxt == "있":
            return "ongoing"
    return None


# A hypothetical clause opener anywhere before the cue in its clause.
HYPOTHETICAL = frozenset({"만약", "만일", "혹시", "가령"})

# Follow-ups: wording that a later act undid a commitment, or carried it out.
REVERSAL = re.compile(
    r"하지\s*않(?:음|기로|겠|았|는다)|허용하지\s*않|않기로|불허|불가|불참|철회|탈퇴|번복|거부|백지화|파기|"
    r"무산|중단|보류|취소|예외\s*없이|뒤집|폐기|withdr[ae]w|reject|revers|refus|pull(?:ed)? out|"
    # a member resisting a collective pledge: "5% 공약과 엇갈린 입장", "목표에 이견", "예외를 요구"
    r"엇갈린\s?입장|엇갈리는\s?입장|배치되는|어긋나는|반기를|이견을\s?(?:보|드러|표출)|난색|"
    r"예외를\s?(?:요구|주장|고수)|면제를\s?요구|(?:충족|달성)하지\s*(?:않|못)|"
    r"(?:따르|동참하|참여하|지키)지\s*않겠|(?:제외|배제)(?:했|하였|됐|되었|시켰|하기로)")
# A pledge not (yet) carried out: "약속은 아직 지켜지지 않고 있다", "행정명령을 내놓지 않았다",
# "발효가 미뤄졌다", "이행이 지연되고 있다".
NON_FULFILMENT = re.compile(
    r"지켜지지\s*않|이행(?:되|하)지\s*(?:않|못)|(?:내놓|발표하|서명하|시행하|적용하|공포하|발효되|시행되|적용되|"
    r"반영되|마련되|확정되|실행되|집행되)지\s*(?:않|못)|미뤄|미루|늦춰|지연|늑장|차질|공수표|"
    r"연기(?:되|됐|했|하였|하기로|를\s?결정)|무기한|not\s+(?:yet\s+)?"
    r"(?:been\s+)?(?:implement|fulfil|kept|honou?r)|delay|postpone")
DEFINITIVE_REVERSAL = re.compile(r"철회|파기|폐기|백지화|번복|무산|탈퇴했|탈퇴를 (?:선언|결정)|취소했|withdrew|revers")
FULFILMENT = re.compile(r"이행|실현|서명|체결|발표대로|약속대로|합의대로|예정대로|착수|완료|개시|가동|출범시|출범했|발효|"
                        # a pledged meeting or trade that took place: "첫 회의가 10월 열렸다", "구매를 재개했다"
                        r"열렸|개최(?:됐|되었|했|하였)|재개(?:했|하였|됐|되었)|"
                        r"시행(?:했|하였|됐|되었|에\s?들어)|허용(?:했|하였)|공고(?:했|하였)|"
                        r"입항|기항|배치(?:했|됐|되었)|"
                        r"sign(?:ed)?\b|implement|fulfil|complet")
# "1일부터" is a date, not "일부"
PARTIAL = re.compile(r"(?<![\d])일부(?!터)|부분적|절반|partly|partial")
# A later meeting that agrees on the pledge again: "…하도록 노력한다는 데 뜻을 모았다", "논의를
#이어가기로 했다", "건조를 승인하고 … 명시했다".
REAFFIRMATION = re.compile(r"뜻을\s?(?:모았|모으|같이)|재확인(?:했|하였|됐)|기로\s?(?:했|하였|합의)|"
                           r"(?:합의|약속|승인|천명|명시)(?:했|하였|하고|한다|됐)|reaffirm|agreed")
# Pledges and acts that stop, suspend, lift or cut something: doing it keeps such a pledge.
STOPPING = re.compile(r"중단|유예|보류|철폐|폐지|해제|면제|인하|낮추|내리|제외|suspend|lift|cut")
# An act that stops the stopping itself ("금지 해제를 보류했다", "관세 인하를 연기했다") keeps nothing.
STOPPING_STOPPED = re.compile(r"(?:중단|유예|철폐|폐지|해제|면제|인하|완화)\s?(?:을|를|은|는|이|가|도)?\s?"
                              r"(?:보류|연기|철회|취소|중단|무산|미루|미뤄|늦추|늦춰)")

# Which way an act moves a level: a pledge to ease export controls is undone by tightening them.
# The same verb moves a barrier (규제, 관세) and a flow (수입, 투자) in opposite senses for the
# partner, so a direction is compared only between clauses that speak of the same kind of object.
RAISING = re.compile(r"강화|확대|인상|증액|상향|늘리|늘렸|늘어|높이|높였|추가\s?(?:부과|지정)|부과|도입|신설|격상")
LOWERING = re.compile(r"완화|인하|해제|축소|감축|철폐|폐지|낮추|낮췄|줄이|줄였|하향|유예|면제|감면|풀었|풀기로|풀겠")
# Barriers between the parties: 규제, 통제, 제한, 금지, 관세, 제재 and their kin.
BARRIER = re.compile(r"규제|통제|제한|금지|관세|제재|장벽|쿼터\s?제|허가제|블랙리스트|우려거래자|entity list|"
                     r"export control|tariff|sanction|restriction|\bban\b", re.I)
# A barrier that stays as it was ("제한은 그대로 유지되고 있다"): a pledge to lower it is not kept.
UNCHANGED = re.compile(r"(?:그대로|여전히|계속)\s?(?:유지|존속|남아|시행\s?중)|유지되고\s?있|변함(?:이|은)?\s?없")
