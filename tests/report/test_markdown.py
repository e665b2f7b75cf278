"""The Markdown export is inert: no HTML, image or link from a document, except cited http(s) URLs."""
import re

from markdown_it import MarkdownIt

from summitwatch.report.markdown import link, render

from .hostile import CITED_URL, hostile_analysis


def _html() -> tuple[str, str]:
    md = render(hostile_analysis())
    return md, MarkdownIt("commonmark").enable("table").render(md)


def test_markdown_document_html_is_text_not_tags():
    _, html = _html()
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_no_images_and_only_cited_http_links():
    _, html = _html()
    assert "<img" not in html
    hrefs = re.findall(r'<a href="([^"]*)"', html)
    assert hrefs == [CITED_URL]
    assert "javascript:" not in " ".join(hrefs)


def test_markdown_markup_kept_as_written_and_no_structure_from_the_document():
    md, html = _html()
    for literal in ("[/]", "[i]", "[sic]", "[/kor/index.do]", "# 제목 아님 | 표 아님 `코드` *기울임*"):
        assert literal in html.replace("&quot;", '"'), literal
    assert "<em>" not in html and html.count("<code>") == 1          # ours: the document id
    # headings: only ours (the title, our section names), none made by the document's "#"
    for h in re.findall(r"<h\d>(.*?)</h\d>", html):
        assert "제목 아님" not in h


def test_markdown_link_refuses_other_schemes_and_encodes_the_target():
    assert link("javascript:alert(1)") == r"javascript\:alert\(1\)"
    assert "](" not in link("data:text/html,<b>")
    assert link("https://example.org/a b") == r"https\://example\.org/a b"
    out = link("https://example.org/x)(y\"<z>")
    target = out.split("](", 1)[1][:-1]
    assert not re.search(r"[()<>\" ]", target)
