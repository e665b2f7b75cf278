"""The dossier of the test corpus's summit, exactly; escaping; one self-contained HTML file."""
import re
from html.parser import HTMLParser

import pytest

from summitwatch.report.dossier import render_dossier
from summitwatch.track import build

from track.analysed import by_name, corpus_docs, doc


@pytest.fixture(scope="module")
def corpus():
    docs = list(corpus_docs())
    t = build(docs)
    return t, {d.id: d for d in docs}


def _section(md: str, title: str) -> list[str]:
    part = md.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in part.splitlines() if line.strip()]


def test_dossier_markdown_content(corpus):
    t, docs = corpus
    md = render_dossier(t, t.summits[0].id, docs, "md")
    names = by_name()
    src = {k: f"#src-{d.id[:12]}" for k, d in names.items()}
    assert md.startswith("# CA-KR summit, 2026-03-09, 오타와\n")
    assert _section(md, "Who met, when and where") == [
        "- parties: 캐나다 (CA), 한국 (KR)", "- date: 2026-03-09", "- place: 오타와",
        "- forum: none (a stand-alone meeting)", f"- summit id: `{t.summits[0].id}`"]
    commitments = _section(md, "Commitments")
    assert [line for line in commitments if line.startswith("### ")] == [
        "### energy", "### technology", "### trade", "### Scores by party"]
    assert ("- **캐나다는 한국산 전기차에 대한 관세를 10%에서 5%로 인하하기로 했다** — CA; status kept, score +1"
            in "\n".join(commitments))
    assert ("  - supports (full), 2026-04-15: “캐나다 정부는 4월 15일 한국산 전기차에 대한 관세를 5%로 인하했다.” "
            f"([캐나다, 한국산 전기차 관세 5%로 인하, 2026-04-16, 63–103]({src['04_followup_kept']}))") in commitments
    assert ("  - said: “양국은 핵심광물 공급망 협의체 출범을 검토하기로 했다” ([한-캐나다 정상 \"청정에너지 협력 강화\"…200억 "
            f"달러 배터리 투자, 2026-03-10, 213–242]({src['02_news_a']})) — softened") in commitments
    assert "  - history: 2026-03-09 not yet rated → 2026-06-03 broken" in commitments
    assert commitments[-2:] == ["| CA | 0 | 2 | 3 |", "| KR | -1 | 1 | 3 |"]
    assert [line.split(" | ")[:2] for line in _section(md, "Timeline")[2:]] == [
        ["| 2026-02-19", "poll"], ["| 2026-03-09", "report"], ["| 2026-03-09", "summit"], ["| 2026-03-10", "report"],
        ["| 2026-03-10", "report"], ["| 2026-03-19", "poll"], ["| 2026-03-25", "report"], ["| 2026-04-15", "supports"],
        ["| 2026-06-03", "contradicts"]]
    polls = _section(md, "Polls around the summit")
    assert polls[0] == "### 한국갤럽 — 대통령 직무수행 평가"
    assert polls[-1] == ("| 2026-03-17 – 2026-03-19 | oppose 33, support 57 | 1000 | 대통령 지지율 57%…정상회담 이후 "
                         "4%p 올라; 정상회담 효과?…대통령 긍정 평가 57% |")
    assert _section(md, "Recommendations in the corpus") == [
        "- 1. 핵심광물 공급망 협의체의 조속한 출범을 위해 실무 협의를 서둘러야 한다. "
        f"([한-캐나다 정상회담(3.9) 평가와 과제, 2026-03-25, 158–198]({src['09_brief']}))",
        "- 2. 배터리 투자의 이행 상황을 점검할 공동 위원회를 설치할 필요가 있다. "
        f"([한-캐나다 정상회담(3.9) 평가와 과제, 2026-03-25, 202–240]({src['09_brief']}))"]
    assert len(_section(md, "Sources")) == 9


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_dossier_html_is_self_contained_and_printable(corpus):
    t, docs = corpus
    page = render_dossier(t, t.summits[0].id, docs, "html")
    p = _Tags()
    p.feed(page)
    assert p.tags.count("svg") == 1 and "script" not in p.tags and "img" not in p.tags and "link" not in p.tags
    refs = [v for k, v in p.attrs if k in ("src", "href")]
    assert refs and all(v.startswith("#") for v in refs)            # every link stays inside the file
    assert "@import" not in page and "@font-face" not in page
    assert re.findall(r"url\((?!#)", page) == []                   # only the chart's own clip paths
    assert "@media print" in page
    text = "".join(p.text)
    assert "캐나다 정부는 4월 15일 한국산 전기차에 대한 관세를 5%로 인하했다." in text
    assert "배터리 투자의 이행 상황을 점검할 공동 위원회를 설치할 필요가 있다." in text
    # the chart's points are the poll's figures
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert all(f">{v}<" in svg for v in ("57", "53", "33", "37"))
    assert render_dossier(t, t.summits[0].id, docs, "html") == page         # byte-identical


def test_dossier_escapes_document_strings():
    evil = '<script>alert(1)</script> "q" & [x](http://e.example) | *b*'
    summit = f"한미 정상은 2월 7일 워싱턴에서 정상회담을 가졌다. {evil}"
    pledge = "한국은 미국에 투자하기로 했다"
    text = summit + " " + pledge + "."
    d = doc("x", "2026-02-08", text, countries=[("한국", "KR"), ("미국", "US")], places=["워싱턴"],
            groups=[("한미", ["KR", "US"])], events=[(summit, "2026-02-07", ["KR", "US"])],
            dates=[("2월 7일", "2026-02-07")], commitments=[(pledge, ["KR"], "economy")], title=evil)
    t = build([d])
    page = render_dossier(t, t.summits[0].id, {"x": d}, "html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="http' not in page
    md = render_dossier(t, t.summits[0].id, {"x": d}, "md")
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\[x\\](http" in md and "\\| \\*b\\*" in md               # no link, no table cell, no emphasis


def test_dossier_unknown_summit_and_format(corpus):
    t, docs = corpus
    with pytest.raises(KeyError):
        render_dossier(t, "s-nothing", docs, "md")
    with pytest.raises(ValueError):
        render_dossier(t, t.summits[0].id, docs, "pdf")


def test_dossier_polls_of_the_parties_countries_only():
    summit = "한미 정상은 2월 7일 워싱턴에서 정상회담을 가졌다."
    s = doc("s", "2026-02-08", summit, countries=[("한국", "KR"), ("미국", "US")], groups=[("한미", ["KR", "US"])],
            events=[(summit, "2026-02-07", ["KR", "US"])], dates=[("2월 7일", "2026-02-07")])
    polls = []
    for id, pollster, topic in (("k", "한국갤럽", "대통령 직무수행 평가"), ("j", "NHK", "내각 지지율")):
        text = f"{pollster} 조사 결과 지지율은 40%였다."
        polls.append(doc(id, "2026-02-20", text, polls=[(text, [pollster], "2026-02-14", "2026-02-16", 1000,
                                                         [(topic, {"support": 40.0})])]))
    t = build([s, *polls])
    md = render_dossier(t, t.summits[0].id, {d.id: d for d in [s, *polls]}, "md")
    assert "### 한국갤럽 — 대통령 직무수행 평가" in md and "NHK" not in md
