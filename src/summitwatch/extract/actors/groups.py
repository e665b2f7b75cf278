"""Country groups written as abbreviations: 한미일, 미·일·인·호, 미·일·필리핀, 日米 ...

Each group is emitted with the abbreviation as written (미일 even inside 미일정상회담) and
its members (ISO alpha-2) in the order written.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ...model.facts import Group

NAME = "groups"
REQUIRES = ()

# One-syllable abbreviations safe when written together (한미일, 북중러, 남북미).
JOINED = {"한": "KR", "미": "US", "일": "JP", "중": "CN", "북": "KP", "러": "RU", "남": "KR"}
# Also safe when separated by a middle dot (미·일·인·호, 한·독, 한·베).
DOTTED = {**JOINED, "인": "IN", "호": "AU", "영": "GB", "불": "FR", "프": "FR", "독": "DE",
          "캐": "CA", "이": "IT", "몽": "MN", "필": "PH", "베": "VN", "뉴": "NZ", "태": "TH"}
# Longer names that may join an abbreviated list (미·일·필리핀).
LONG = {"필리핀": "PH", "호주": "AU", "인도": "IN", "베트남": "VN", "캐나다": "CA", "영국": "GB",
        "프랑스": "FR", "독일": "DE", "러시아": "RU", "몽골": "MN", "대만": "TW", "아세안": None,
        "뉴질랜드": "NZ", "태국": "TH", "인도네시아": "ID", "싱가포르": "SG", "이탈리아": "IT",
        "말레이시아": "MY", "EU": None, "미국": "US", "일본": "JP", "한국": "KR", "중국": "CN",
        "북한": "KP"}
HANJA = {"日": "JP", "米": "US", "美": "US", "韓": "KR", "中": "CN", "朝": "KP", "露": "RU", "俄": "RU",
         "豪": "AU", "印": "IN", "英": "GB", "独": "DE", "仏": "FR", "加": "CA", "台": "TW", "比": "PH"}
# Joined words that are not groups: 북한 (North Korea), 일한 (worked), 중한 (grave), 중미
# (Central America), 미러 (mirror), 일러(스트).
NOT_GROUPS = {"북한", "일한", "중한", "중미", "미러", "일러", "남한", "한남", "남미", "일남"}
# What may follow a joined abbreviation: a particle or the head of a compound.
PARTICLES = tuple("의은는이가을를과와도에로만간측및")
HEADS = tuple(
    "정상 관계 동맹 협력 공조 외교 회담 양국 삼국 3국 4국 국 무역 안보 협정 조약 합의 연합 훈련 군사 "
    "경제 갈등 대립 경쟁 전략 대화 협의 채널 공동 지위 통상 전쟁 밀착 협상 교류 수교 체제 구도 사이 "
    "밀월 정부 국방 외무 재무 산업 기업 접근 화해 공급망 반도체 기술 패권 신냉전 균열 결속 연대 삼각 "
    "3각 셔틀 국교 관세 방위 미사일 해상 핵 비핵화 문제 현안 논의 회의 장관 차관 국장 실무 확장억제 "
    "억제 정책 역사 어업 통화 교역 투자 대결 충돌 긴장 협약 공동성명 선언 안보협력 FTA 첫 간의".split())
AFTER_NAMES_NOT_GROUP = {"북미": ("지역", "시장", "대륙", "자유무역", "국가", "법인", "투어", "프로", "리그")}

SEP_CHARS = "·ㆍ・･‧∙"
# a middle dot, with or without spaces, or a hyphen written tight ("한-호주 정상회담")
SEP = rf"(?:\s*[{SEP_CHARS}]\s*|[-–](?![0-9]))"
_dotted_unit = "|".join(sorted([re.escape(k) for k in (*LONG, *DOTTED)], key=len, reverse=True))


class NotAfter:
    """``(?<![before])pattern`` with the lookbehind checked by hand: a leading lookbehind keeps
    the regex engine from jumping to where the pattern can start, which makes a search over a
    long text several times slower. ``pattern`` never matches the empty string."""

    def __init__(self, before: str, pattern: str):
        self.before = re.compile(f"[{before}]")
        self.core = re.compile(pattern)
        self.pattern = f"(?<![{before}]){pattern}"

    def finditer(self, text: str):
        pos = 0
        while (m := self.core.search(text, pos)) is not None:
            a = m.start()
            if a and self.before.match(text, a - 1):
                pos = a + 1                       # the lookbehind fails here: try one further
            else:
                yield m
                pos = m.end()


DOTTED_RE = NotAfter("가-힣A-Za-z", rf"(?:{_dotted_unit})(?:{SEP}(?:{_dotted_unit}))+")
JOINED_RE = NotAfter("가-힣", rf"[{''.join(JOINED)}]{{2,}}")
_hanja = "[" + "".join(HANJA) + "]"
# joined (日米, 韓美日) or, in Korean headlines, dotted (美·日, 韓·美·日)
HANJA_RE = NotAfter(r"\u4e00-\u9fff\u30a0-\u30ff", rf"{_hanja}(?:{SEP}?{_hanja})+(?!鮮)")
DIRECTION_BEFORE = re.compile(r"[동서]\s*[·ㆍ・･‧∙]\s*$")
# Groups known by a name rather than by their members' abbreviations.
# Only small coalitions whose membership is fixed; forums (G7, G20, APEC, NATO) are not groups.
NAMED_GROUPS = {
    "G2": ["US", "CN"],
    "Quad": ["US", "JP", "IN", "AU"], "QUAD": ["US", "JP", "IN", "AU"], "쿼드": ["US", "JP", "IN", "AU"],
    "IP4": ["KR", "JP", "AU", "NZ"],
    "AUKUS": ["AU", "GB", "US"], "오커스": ["AU", "GB", "US"],
    "Squad": ["US", "JP", "AU", "PH"], "스쿼드": ["US", "JP", "AU", "PH"],
    "Chip4": ["US", "KR", "JP", "TW"], "CHIP4": ["US", "KR", "JP", "TW"], "칩4": ["US", "KR", "JP", "TW"],
    "Five Eyes": ["US", "GB", "CA", "AU", "NZ"], "파이브 아이즈": ["US", "GB", "CA", "AU", "NZ"],
}
# a Korean name may take a particle or 국/정상 after it, but not be the start of a longer word
_HANGUL_END = r"(?:(?![가-힣])|(?=(?:은|는|이|가|의|와|과|도|를|을|에|로|만|국|정상)))"
NAMED_RE = NotAfter("A-Za-z0-9가-힣", "(" + "|".join(
    re.escape(n) + (_HANGUL_END if re.search("[가-힣]", n) else "")
    for n in sorted(NAMED_GROUPS, key=len, reverse=True)) + r")(?![A-Za-z0-9])")
# 중미 is China–US (中美) or Central America: decided by what the text around it talks about.
AMBIGUOUS_JOINED = {"중미": ["CN", "US"]}
CONTEXT_WINDOW = 200
CHINA_CUES = re.compile(r"中美|中国|中方|習近平|习近平|중국|시진핑|베이징|미중|양안")
CENTRAL_AMERICA_CUES = re.compile(
    r"과테말라|온두라스|엘살바도르|니카라과|코스타리카|파나마|벨리즈|카리브|중남미|라틴\s?아메리카|"
    r"멕시코|이민자|이주민|캐러밴|SICA|Central America|중미\s?(?:지역|국가|각국|\d개국|통합|순방|출신)")


def _continuation_ok(text: str, end: int, abbr: str) -> bool:
    """A joined abbreviation must end its word or be followed by a particle or a compound head."""
    rest = text[end:end + 12]
    nxt = rest[:1]
    if abbr in AFTER_NAMES_NOT_GROUP and rest.lstrip().startswith(AFTER_NAMES_NOT_GROUP[abbr]):
        return False
    if not nxt or not ("\uac00" <= nxt <= "\ud7a3"):
        return True
    return rest.startswith(PARTICLES) or rest.startswith(HEADS)


def split_joined(run: str) -> list[str]:
    """한미한미일 -> [한미, 한미일]: a repeated syllable starts a new group."""
    parts, cur = [], ""
    for ch in run:
        if ch in cur or (ch == "남" and cur):
            parts.append(cur)
            cur = ""
        cur += ch
    parts.append(cur)
    return parts


def _members(units, table) -> list[str] | None:
    out = []
    for u in units:
        iso = table.get(u, LONG.get(u))
        if iso is None or iso in out:
            return None
        out.append(iso)
    return out if len(out) >= 2 else None


# English pairs and triples joined by a hyphen or dash: "U.S.-ROK alliance", "Japan-U.S.-ROK".
EN_UNITS = {"U.S.": "US", "US": "US", "USA": "US", "America": "US", "ROK": "KR", "Korea": "KR",
            "South Korea": "KR", "Japan": "JP", "China": "CN", "PRC": "CN", "DPRK": "KP",
            "North Korea": "KP", "Russia": "RU", "India": "IN", "Australia": "AU", "Philippines": "PH",
            "UK": "GB", "Britain": "GB", "Canada": "CA", "France": "FR", "Germany": "DE",
            "Vietnam": "VN", "Taiwan": "TW", "New Zealand": "NZ", "EU": None}
_en_unit = "|".join(re.escape(u) for u in sorted(EN_UNITS, key=len, reverse=True))
EN_RE = NotAfter("A-Za-z.", rf"(?:{_en_unit})(?:[-–](?:{_en_unit}))+(?![A-Za-z-])")


def _english_groups(text: str) -> list[tuple[int, int, list[str]]]:
    out = []
    for m in EN_RE.finditer(text):
        units = re.split(r"(?<=[A-Za-z.])[-–](?=[A-Z])", m.group())
        members = [EN_UNITS.get(u) for u in units]
        if None not in members and len(set(members)) == len(members) >= 2:
            out.append((m.start(), m.end(), members))
    return out


def find_groups(text: str, named: bool = True) -> list[tuple[int, int, list[str]]]:
    """(start, stop, members) of every country-group abbreviation in ``text`` and, with
    ``named``, of the groups known by a name (G2)."""
    found = [(a, z, list(members)) for a, z, members in _abbreviations(text)]
    if named:
        found += [(m.start(), m.end(), list(NAMED_GROUPS[m.group(1)])) for m in NAMED_RE.finditer(text)]
    return sorted(found)


# The abbreviations of the last text read: entities and groups both ask for them.
_LAST: list = [None, []]


def _abbreviations(text: str) -> list[tuple[int, int, list[str]]]:
    if _LAST[0] is not text:
        _LAST[:] = [text, _find_abbreviations(text)]
    return _LAST[1]


def _direction_before(text: str, end: int) -> bool:
    """``text[:end]`` ends in 동· or 서· (동·서·남·북 are directions): DIRECTION_BEFORE read
    backwards from ``end``, without searching the whole text before it."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == 0 or text[j - 1] not in SEP_CHARS:
        return False
    j -= 1
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j > 0 and text[j - 1] in "동서"


def _find_abbreviations(text: str) -> list[tuple[int, int, list[str]]]:
    found: list[tuple[int, int, list[str]]] = []
    taken: list[tuple[int, int]] = []           # dotted groups: in order, never overlapping
    for m in DOTTED_RE.finditer(text):
        units = [u.strip() for u in re.split(SEP, m.group())]
        if not any(len(u) == 1 for u in units) or not _continuation_ok(text, m.end(), ""):
            continue
        if units[0] == "남" and (units[1:2] != ["북"] or _direction_before(text, m.start())):
            continue
        members = _members(units, DOTTED)
        if members:
            found.append((m.start(), m.end(), members))
            taken.append(m.span())
    taken_starts = [a for a, _z in taken]
    for m in JOINED_RE.finditer(text):
        k = bisect_right(taken_starts, m.start()) - 1
        if k >= 0 and m.start() < taken[k][1]:
            continue
        pos = m.start()
        parts = split_joined(m.group())
        for k, part in enumerate(parts):
            end = pos + len(part)
            last = k == len(parts) - 1
            ok = len(part) >= 2 and part not in NOT_GROUPS and (part[0] != "남" or part[1:2] == "북")
            if part in AMBIGUOUS_JOINED and len(parts) == 1:
                ok = _china_us_context(text, pos, end)
            if ok and (not last or _continuation_ok(text, end, part)):
                members = AMBIGUOUS_JOINED.get(part) or _members(part, JOINED)
                if members:
                    found.append((pos, end, members))
            pos = end
    for m in HANJA_RE.finditer(text):
        members = _members([c for c in m.group() if c in HANJA], HANJA)
        if members:
            found.append((m.start(), m.end(), members))
    if "-" in text or "–" in text:
        found += _english_groups(text)
    return found


def _china_us_context(text: str, a: int, z: int) -> bool:
    """중미 means China–US when the text around it is about China and not about Central America."""
    window = text[max(0, a - CONTEXT_WINDOW):z + CONTEXT_WINDOW]
    return bool(CHINA_CUES.search(window)) and not CENTRAL_AMERICA_CUES.search(window)


def extract(ctx) -> list[Group]:
    return [ctx.place(Group(members=members), a, z) for a, z, members in find_groups(ctx.text.text)]


_UNIT_RE = re.compile(r"[^\s·ㆍ・･‧∙]+")
_EN_UNIT_RE = re.compile(r"[A-Za-z.][A-Za-z. ]*?(?=[-–][A-Z]|$)")


def group_units(text: str) -> list[tuple[int, int, str]]:
    """(start, stop, iso) of each country abbreviation inside the groups of ``text``:
    미·일·인·호 names India and Australia as much as 인도 and 호주 do."""
    out = []
    for a, z, members in find_groups(text, named=False):
        span = text[a:z]
        if span[:1].isascii():                    # English: U.S.-ROK
            units = [(m.start(), m.end()) for m in _EN_UNIT_RE.finditer(span)]
        else:
            units = [(m.start(), m.end()) for m in _UNIT_RE.finditer(span)]
        if len(units) == 1:                       # joined: one character per member
            units = [(k, k + 1) for k in range(len(span))]
        out += [(a + s, a + e, iso) for (s, e), iso in zip(units, members)]
    return out
