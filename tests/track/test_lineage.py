"""Commitments across documents: grouping by morpheme keys within a summit, one unit per
document, and the wording changes against the earliest mention."""
from summitwatch.track import build
from summitwatch.track.lineage import changes, strength

from .analysed import doc

KR, US = ("한국", "KR"), ("미국", "US")
SUMMIT = "한미 정상은 2월 7일 워싱턴에서 정상회담을 가졌다."


def _report(id, date, *pledges, quantities=()):
    text = SUMMIT + " " + " ".join(p + "." for p, _ in pledges)
    return doc(id, date, text, countries=[KR, US], places=["워싱턴"], groups=[("한미", ["KR", "US"])],
               events=[(SUMMIT, "2026-02-07", ["KR", "US"])], dates=[("2월 7일", "2026-02-07")],
               commitments=[(p, a, "economy") for p, a in pledges], quantities=quantities)


def test_lineage_strength_of_wording():
    assert strength("반도체 공급망 협력을 강화하기로 했다") == 2
    assert strength("반도체 공급망 협력 강화를 검토하기로 했다") == 1
    assert strength("양국은 협의체 구성을 위해 노력하기로 했다") == 1
    assert strength("The two sides will open a new consulate") == 2
    assert strength("The two sides will seek to open a new consulate") == 1
    assert strength("반도체 공급망 협력 강화") == 0


def test_lineage_changes_softened_hardened_number():
    firm, soft = ("조선 협력을 확대하기로 했다", {}), ("조선 협력 확대를 검토하기로 했다", {})
    assert changes(firm, soft) == ["softened"]
    assert changes(soft, firm) == ["hardened"]
    assert changes(("we will cut tariffs", {}), ("we will seek to cut tariffs", {})) == ["softened"]
    money = ("money", "USD")
    assert changes(("300억 달러 투자하기로 했다", {money: {3e10}}), ("350억 달러 투자하기로 했다", {money: {3.5e10}})) \
        == ["number_changed"]
    pct = ("percent", "%")
    # "25%에서 15%로" then "15%로": the later number is one the first wording gave
    assert changes(("관세를 25%에서 15%로 내리기로 했다", {pct: {25.0, 15.0}}), ("관세를 15%로 내리기로 했다", {pct: {15.0}})) == []
    assert changes(("관세를 내리기로 했다", {}), ("관세를 15%로 내리기로 했다", {pct: {15.0}})) == []


def test_lineage_groups_mentions_of_one_pledge_across_documents():
    a = _report("a", "2026-02-07", ("한국은 미국 조선소에 300억 달러를 투자하기로 했다", ["KR"]),
                ("미국은 한국산 자동차 관세를 인하하기로 했다", ["US"]),
                quantities=[("300억 달러", "money", 3e10, "USD")])
    b = _report("b", "2026-02-08", ("미국은 한국산 자동차 관세 인하를 검토하기로 했다", ["US"]),
                ("한국은 미국 조선소에 350억 달러를 투자하기로 했다", ["KR"]),
                quantities=[("350억 달러", "money", 3.5e10, "USD")])
    t = build([b, a])
    [s] = t.summits
    got = sorted((c.text, [(m.document, m.changes) for m in c.mentions]) for c in t.commitments)
    assert got == [("미국은 한국산 자동차 관세를 인하하기로 했다", [("a", []), ("b", ["softened"])]),
                   ("한국은 미국 조선소에 300억 달러를 투자하기로 했다", [("a", []), ("b", ["number_changed"])])]
    assert all(c.summit == s.id for c in t.commitments)


def test_lineage_two_pledges_of_one_document_stay_apart():
    # both share keys with the first document's one pledge: only the closer one joins it
    a = _report("a", "2026-02-07", ("양국은 조선 협력을 확대하기로 했다", ["KR", "US"]))
    b = _report("b", "2026-02-08", ("양국은 조선 협력을 확대하기로 했다", ["KR", "US"]),
                ("양국은 조선 인력 협력 센터를 세우기로 했다", ["KR", "US"]))
    t = build([a, b])
    assert sorted(len(c.mentions) for c in t.commitments) == [1, 2]


def test_lineage_different_subjects_are_different_commitments():
    a = _report("a", "2026-02-07", ("양국은 원전 수출 협력을 강화하기로 했다", ["KR", "US"]))
    b = _report("b", "2026-02-08", ("양국은 청소년 교류를 늘리기로 했다", ["KR", "US"]))
    assert len(build([a, b]).commitments) == 2
