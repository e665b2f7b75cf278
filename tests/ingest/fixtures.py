"""Render a ``Brief`` into the formats analysts receive: PDF, DOCX, HWPX, HTML.

Everything is made here from the brief's blocks; nothing is downloaded. The PDF uses
reportlab's built-in Korean CID fonts (no font file is needed: pdfium maps them through the
Adobe-Korea1 CMaps it carries), with a running header, page numbers, raised footnote markers
and footnotes in a smaller font at the foot of the page where their marker is.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from xml.sax.saxutils import escape

from brief import BRIEF, MARK, Brief, plain

# ---------------------------------------------------------------- PDF ---------------------------

BODY_FONT, HEAD_FONT = "HYSMyeongJo-Medium", "HYGothic-Medium"
_registered = False


def _fonts() -> None:
    global _registered
    if not _registered:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont(BODY_FONT))
        pdfmetrics.registerFont(UnicodeCIDFont(HEAD_FONT))
        _registered = True


class _PdfWriter:
    """A tiny page-layout engine: word-wrapped paragraphs, footnotes at the page foot."""

    W, H = 420.0, 595.0            # A5
    LEFT, RIGHT, TOP, BOTTOM = 50.0, 370.0, 540.0, 60.0
    BODY, LEAD = 10.0, 16.0
    NOTE, NOTE_LEAD = 7.5, 11.0

    def __init__(self, brief: Brief, encrypt: str | None = None, pad_pages: int = 0):
        from reportlab.pdfgen import canvas
        _fonts()
        self.brief = brief
        self.buf = io.BytesIO()
        kwargs = {}
        if encrypt:
            from reportlab.lib import pdfencrypt
            kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, canPrint=0)
        self.c = canvas.Canvas(self.buf, pagesize=(self.W, self.H), **kwargs)
        self.c.setTitle(brief.title)
        self.c.setAuthor(brief.author)
        self.c.setCreator("summitwatch tests")
        y, m, d = map(int, brief.date.split("-"))
        ts = self.c._doc._timeStamp                     # the brief's publication date, not today
        when = dt.datetime(y, m, d, 9, 0, 0, tzinfo=dt.timezone.utc)
        ts.t, ts.lt, ts.YMDhms, ts.dhh, ts.dmm = when.timestamp(), when.timetuple(), (y, m, d, 9, 0, 0), 0, 0
        self.page_no = 1
        self.y = self.TOP
        self.notes: list[tuple[int, list[str]]] = []
        self.pad_pages = pad_pages

    # --- helpers
    def width(self, s: str, font: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        return stringWidth(s, font, size)

    def wrap(self, words: list[str], font: str, size: float, width: float) -> list[list[str]]:
        lines: list[list[str]] = [[]]
        for w in words:
            trial = " ".join(lines[-1] + [w])
            if lines[-1] and self.width(MARK.sub("", trial), font, size) > width:
                lines.append([w])
            else:
                lines[-1].append(w)
        return lines

    def notes_height(self, notes) -> float:
        return sum(len(n[1]) for n in notes) * self.NOTE_LEAD + (12 if notes else 0)

    def note_lines(self, n: int) -> list[str]:
        words = f"{n} {self.brief.footnotes[n]}".split(" ")
        return [" ".join(w) for w in self.wrap(words, BODY_FONT, self.NOTE, self.RIGHT - self.LEFT)]

    def finish_page(self) -> None:
        c = self.c
        c.setFont(BODY_FONT, 7.5)
        c.drawString(self.LEFT, self.H - 30, self.brief.header)
        c.drawCentredString(self.W / 2, 30, f"- {self.page_no} -")
        if self.notes:
            y = self.BOTTOM + self.notes_height(self.notes) - 12
            c.line(self.LEFT, y + 8, self.LEFT + 100, y + 8)
            c.setFont(BODY_FONT, self.NOTE)
            for _, lines in self.notes:
                for ln in lines:
                    c.drawString(self.LEFT, y - self.NOTE, ln)
                    y -= self.NOTE_LEAD
        c.showPage()
        self.page_no += 1
        self.y = self.TOP
        self.notes = []

    def room(self, height: float, new_notes=()) -> None:
        notes = self.notes + [(n, self.note_lines(n)) for n in new_notes]
        if self.y - height < self.BOTTOM + self.notes_height(notes):
            self.finish_page()

    def line(self, words: list[str], font: str, size: float, x: float, lead: float) -> None:
        marks = [int(n) for w in words for n in MARK.findall(w)]
        self.room(lead, marks)
        self.notes += [(n, self.note_lines(n)) for n in marks]
        base = self.y - size
        cx = x
        # one text object per stretch between markers, as word processors write them
        # (pdfium also skips a lone CJK glyph of a non-embedded font drawn as its own object)
        for piece in re.split(r"(\{\d+\})", " ".join(words)):
            if not piece:
                continue
            m = MARK.fullmatch(piece)
            if m:                                  # raised, smaller footnote marker
                self.c.setFont(font, size * 0.6)
                self.c.drawString(cx, base + size * 0.4, m.group(1))
                cx += self.width(m.group(1), font, size * 0.6)
            else:
                self.c.setFont(font, size)
                self.c.drawString(cx, base, piece)
                cx += self.width(piece, font, size)
        self.y -= lead

    def paragraph(self, text: str, font=BODY_FONT, size=BODY, indent=0.0, lead=LEAD) -> None:
        for k, words in enumerate(self.wrap(text.split(" "), font, size, self.RIGHT - self.LEFT - indent)):
            self.line(words, font, size, self.LEFT + indent, lead)

    def render(self) -> bytes:
        sizes = {1: 12.5, 2: 11.5, 3: 11.0}
        for b in self.brief.blocks:
            if b[0] == "title":
                self.paragraph(b[1], HEAD_FONT, 16.0, lead=24)
                self.y -= 12
            elif b[0] == "h":
                size = sizes[b[1]]
                self.room(size * 3)
                self.y -= size * 0.6
                self.paragraph(b[2], HEAD_FONT, size, lead=size * 1.5)
                self.y -= size * 0.3
            elif b[0] == "p":
                self.paragraph(b[1], indent=0.0)
                self.y -= self.LEAD * 0.6          # paragraph spacing
            elif b[0] == "t":
                _, caption, rows, source = b
                self.room(self.LEAD * 4)
                self.paragraph(caption, HEAD_FONT, self.BODY)
                for row in rows:
                    self.c.setFont(HEAD_FONT, self.BODY)
                    first = True
                    for cell in row[1:]:
                        lines = self.wrap(("○ " + cell).split(" "), BODY_FONT, self.BODY, self.RIGHT - 162)
                        for k, words in enumerate(lines):
                            self.room(self.LEAD)
                            if first:
                                self.c.setFont(HEAD_FONT, self.BODY)
                                self.c.drawString(self.LEFT, self.y - self.BODY, row[0])
                                first = False
                            self.line(words, BODY_FONT, self.BODY, 150 + (0 if k == 0 else 12), self.LEAD)
                if source:
                    self.paragraph(source, size=9.0, lead=14)
                self.y -= self.LEAD * 0.6
        for _ in range(self.pad_pages):
            self.paragraph(plain(self.brief.blocks[1][1]))
        self.finish_page()
        self.c.save()
        return self.buf.getvalue()


def to_pdf(brief: Brief = BRIEF, *, encrypt: str | None = None, pad_pages: int = 0) -> bytes:
    return _PdfWriter(brief, encrypt=encrypt, pad_pages=pad_pages).render()


_SOURCES = [("외교부", "정상회담 결과 보도자료"), ("연합뉴스", "정상회담 종합"), ("한국갤럽", "데일리 오피니언"),
            ("산업통상자원부", "통상 현안 설명자료"), ("国際問題研究所", "日米関係の展望"), ("CSIS", "Alliance Update"),
            ("대통령실", "브리핑"), ("国防部", "国防报告")]


def long_pdf(pages: int) -> bytes:
    """A PDF of about ``pages`` pages: the brief's paragraphs repeated, footnotes on every page."""
    per_page = 3
    blocks = []
    notes = {}
    n = 0
    paras = [b for b in BRIEF.blocks if b[0] == "p"]
    for p in range(pages):
        blocks.append(("h", 1, f"{p + 1}. 검토 항목"))
        for k in range(per_page):
            n += 1
            text = MARK.sub("", paras[(p + k) % len(paras)][1]) + "{%d}" % n
            blocks.append(("p", text))
            src, title = _SOURCES[n % len(_SOURCES)]
            notes[n] = f"{src}. “{title}” (2025.{1 + n % 12}.{1 + n % 28})"
    b = Brief(BRIEF.title, BRIEF.date, BRIEF.author, BRIEF.header, blocks, notes)
    return to_pdf(b)


def scanned_pdf() -> bytes:
    """A PDF whose pages carry only an image (a scan): no text layer."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from PIL import Image
    img = Image.new("L", (200, 100), 255)
    for x in range(20, 180):
        img.putpixel((x, 50), 0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(420, 595))
    for _ in range(2):
        c.drawImage(ImageReader(img), 50, 300, 300, 150)
        c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- DOCX --------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def to_docx(brief: Brief = BRIEF) -> bytes:
    """python-docx for the body (heading styles, a table); footnotes written as word/footnotes.xml,
    since python-docx has no footnote API."""
    import docx
    d = docx.Document()
    d.core_properties.title = brief.title
    d.core_properties.author = brief.author
    y, m, dd = map(int, brief.date.split("-"))
    d.core_properties.created = dt.datetime(y, m, dd, 9, 0, 0)
    for b in brief.blocks:
        if b[0] == "title":
            d.add_heading(b[1], level=0)              # the "Title" style
        elif b[0] == "h":
            d.add_heading(b[2], level=b[1])
        elif b[0] == "p":
            d.add_paragraph(MARK.sub(lambda mm: f"FNREF{mm.group(1)}X", b[1]))
        elif b[0] == "t":
            _, caption, rows, source = b
            d.add_paragraph(caption)
            width = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=width)
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
            if source:
                d.add_paragraph(source)
    buf = io.BytesIO()
    d.save(buf)
    return _add_docx_footnotes(buf.getvalue(), brief.footnotes)


def _add_docx_footnotes(data: bytes, notes: dict[int, str]) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    ref = ('</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/>'
           '</w:rPr><w:footnoteReference w:id="{n}"/></w:r><w:r><w:t xml:space="preserve">')
    notes_xml = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">',
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                 '</w:r></w:p></w:footnote>']
    for n, text in sorted(notes.items()):
        notes_xml.append(f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                         f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                         f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')
    notes_xml.append("</w:footnotes>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "word/document.xml":
                s = body.decode("utf-8")
                s = re.sub(r"FNREF(\d+)X", lambda m: ref.format(n=m.group(1)), s)
                s = s.replace("<w:t>", '<w:t xml:space="preserve">')
                body = s.encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>",
                                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                                    b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>",
                                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            z.writestr(item, body)
        z.writestr("word/footnotes.xml", "".join(notes_xml))
    return out.getvalue()


# ---------------------------------------------------------------- HWPX --------------------------

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HH = "http://www.hancom.co.kr/hwpml/2011/head"
HS = "http://www.hancom.co.kr/hwpml/2011/section"


def _hwpx_header() -> str:
    styles = ['<hh:style id="0" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="0" charPrIDRef="0" '
              'nextStyleIDRef="0" langID="1042" lockForm="0"/>']
    for lv in range(1, 4):
        styles.append(f'<hh:style id="{lv}" type="PARA" name="개요 {lv}" engName="Outline {lv}" paraPrIDRef="{lv}" '
                      f'charPrIDRef="0" nextStyleIDRef="{lv}" langID="1042" lockForm="0"/>')
    para_prs = ['<hh:paraPr id="0"><hh:heading type="NONE" idRef="0" level="0"/></hh:paraPr>']
    for lv in range(1, 4):
        para_prs.append(f'<hh:paraPr id="{lv}"><hh:heading type="OUTLINE" idRef="1" level="{lv - 1}"/></hh:paraPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hh:head xmlns:hh="{HH}" version="1.4" '
            f'secCnt="1"><hh:refList><hh:paraProperties itemCnt="{len(para_prs)}">{"".join(para_prs)}'
            f'</hh:paraProperties><hh:styles itemCnt="{len(styles)}">{"".join(styles)}</hh:styles>'
            f'</hh:refList></hh:head>')


def _hwpx_runs(text: str, notes: dict[int, str]) -> str:
    out = []
    for piece in re.split(r"(\{\d+\})", text):
        if not piece:
            continue
        m = MARK.fullmatch(piece)
        if m:
            n = int(m.group(1))
            out.append(f'<hp:run charPrIDRef="0"><hp:ctrl><hp:footNote number="{n}" suffixChar=")" instId="{1000 + n}">'
                       f'<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="TOP">'
                       f'<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:ctrl>'
                       f'<hp:autoNum num="{n}" numType="FOOTNOTE"><hp:autoNumFormat type="DIGIT" suffixChar=")" '
                       f'supscript="0"/></hp:autoNum></hp:ctrl><hp:t> {escape(notes[n])}</hp:t></hp:run></hp:p>'
                       f'</hp:subList></hp:footNote></hp:ctrl></hp:run>')
        else:
            out.append(f'<hp:run charPrIDRef="0"><hp:t>{escape(piece)}</hp:t></hp:run>')
    return "".join(out)


def _hwpx_para(text: str, notes, style: int = 0) -> str:
    return f'<hp:p id="0" paraPrIDRef="{style}" styleIDRef="{style}" pageBreak="0" columnBreak="0" merged="0">' \
           f'{_hwpx_runs(text, notes)}</hp:p>'


def to_hwpx(brief: Brief = BRIEF) -> bytes:
    body = []
    for b in brief.blocks:
        if b[0] == "title":
            body.append(_hwpx_para(b[1], brief.footnotes))
        elif b[0] == "h":
            body.append(_hwpx_para(b[2], brief.footnotes, style=b[1]))
        elif b[0] == "p":
            body.append(_hwpx_para(b[1], brief.footnotes))
        elif b[0] == "t":
            _, caption, rows, source = b
            body.append(_hwpx_para(caption, brief.footnotes))
            width = max(len(r) for r in rows)
            trs = []
            for i, row in enumerate(rows):
                tcs = "".join(f'<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" '
                              f'borderFillIDRef="1"><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" '
                              f'vertAlign="CENTER">{_hwpx_para(c, brief.footnotes)}</hp:subList>'
                              f'<hp:cellAddr colAddr="{j}" rowAddr="{i}"/><hp:cellSpan colSpan="1" rowSpan="1"/>'
                              f'</hp:tc>' for j, c in enumerate(row))
                trs.append(f"<hp:tr>{tcs}</hp:tr>")
            body.append(f'<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0">'
                        f'<hp:tbl id="1" rowCnt="{len(rows)}" colCnt="{width}">{"".join(trs)}</hp:tbl>'
                        f'<hp:t/></hp:run></hp:p>')
            if source:
                body.append(_hwpx_para(source, brief.footnotes))
    section = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">'
               + "".join(body) + "</hs:sec>")
    hpf = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><opf:package '
           'xmlns:opf="http://www.idpf.org/2007/opf/" version="" unique-identifier="" id="">'
           f'<opf:metadata><opf:title>{escape(brief.title)}</opf:title>'
           f'<opf:meta name="creator" content="text">{escape(brief.author)}</opf:meta>'
           f'<opf:meta name="CreatedDate" content="text">{brief.date}T09:00:00Z</opf:meta></opf:metadata>'
           '<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
           '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/></opf:manifest>'
           '<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/>'
           '</opf:spine></opf:package>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("version.xml", '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion '
                   'xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" '
                   'major="5" minor="1" micro="0" buildNumber="1" os="1" xmlVersion="1.4" application="test"/>')
        z.writestr("META-INF/container.xml", '<?xml version="1.0" encoding="UTF-8"?><ocf:container '
                   'xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles>'
                   '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
                   '</ocf:rootfiles></ocf:container>')
        z.writestr("Contents/content.hpf", hpf)
        z.writestr("Contents/header.xml", _hwpx_header())
        z.writestr("Contents/section0.xml", section)
    return out.getvalue()


# ---------------------------------------------------------------- HTML --------------------------

def to_html(brief: Brief = BRIEF, *, notes: str = "p") -> bytes:
    """A news-site page: navigation, a share bar and a footer around the article. ``notes="ol"``
    writes the footnotes as Markdown converters do: cited by ``<sup><a href="#fn1">``, listed in
    ``<section class="footnotes"><ol><li id="fn1">`` with a link back."""
    body = []
    for b in brief.blocks:
        if b[0] == "title":
            body.append(f"<h1>{html.escape(b[1])}</h1>")
        elif b[0] == "h":
            tag = f"h{b[1] + 1}"
            body.append(f"<{tag}>{html.escape(b[2])}</{tag}>")
        elif b[0] == "p":
            body.append("<p>" + MARK.sub(lambda m: f'<sup><a href="#fn{m.group(1)}">{m.group(1)}</a></sup>',
                                         html.escape(b[1])) + "</p>")
        elif b[0] == "t":
            _, caption, rows, source = b
            trs = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
            body.append(f"<p>{html.escape(caption)}</p><table>{trs}</table><p>{html.escape(source)}</p>")
    if notes == "ol":
        items = "".join(f'<li id="fn{n}"><p>{html.escape(t)} <a href="#fnref{n}" class="footnote-back">↩︎</a></p></li>'
                        for n, t in sorted(brief.footnotes.items()))
        notes = f'<hr><ol>{items}</ol>'
        body = [b.replace('<sup><a href="#fn', '<sup><a class="footnote-ref" href="#fn') for b in body]
    else:
        notes = "".join(f'<p id="fn{n}">{n} {html.escape(t)}</p>' for n, t in sorted(brief.footnotes.items()))
    page = f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8">
<title>{html.escape(brief.title)} | 외교정책연구소</title>
<meta property="og:title" content="{html.escape(brief.title)}">
<meta name="author" content="{html.escape(brief.author)}">
<meta property="article:published_time" content="{brief.date}T09:00:00+09:00">
</head><body>
<header><nav><ul><li><a href="/">홈</a></li><li><a href="/research">연구</a></li><li><a href="/news">소식</a></li>
<li><a href="/login">로그인</a></li></ul></nav></header>
<main><article>
{''.join(body)}
<section class="footnotes">{notes}</section>
</article></main>
<aside class="share">공유하기 페이스북 트위터 카카오톡</aside>
<footer><p>© 2025 외교정책연구소. All rights reserved. 서울특별시 종로구 세종대로 1</p></footer>
</body></html>"""
    return page.encode("utf-8")


# ---------------------------------------------------------------- HWP 5 -------------------------

def _rec(tag: int, level: int, payload: bytes) -> bytes:
    import struct
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | (level << 10) | (0xFFF << 20), size) + payload
    return struct.pack("<I", tag | (level << 10) | (size << 20)) + payload


def _hwp_para(text: str, level: int, style: int = 0, controls: list[tuple[int, bytes]] = ()) -> list[bytes]:
    """PARA_HEADER + PARA_TEXT; ``text`` holds U+FFFC where each extended control goes."""
    import struct
    units: list[int] = []
    ctrl = iter(controls)
    for ch in text:
        if ch == "\ufffc":
            code, cid = next(ctrl)
            units += [code] + list(struct.unpack("<2H", cid[::-1])) + [0, 0, 0, 0] + [code]
        else:
            units.append(ord(ch))
    units.append(13)
    header = struct.pack("<IIHBBHHHI", len(units), 0, 0, style, 0, 1, 0, 1, 0)
    return [_rec(66, level, header), _rec(67, level + 1, struct.pack(f"<{len(units)}H", *units))]


def to_hwp(brief: Brief = BRIEF, *, compressed: bool = True, flags_extra: int = 0) -> bytes:
    """An HWP 5 file: FileHeader, DocInfo with outline styles, one BodyText section."""
    import struct
    import zlib
    from cfb import write_cfb

    def pack(b: bytes) -> bytes:
        if not compressed:
            return b
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(b) + c.flush()

    def name(s: str) -> bytes:
        return struct.pack("<H", len(s)) + s.encode("utf-16-le")

    styles = [("바탕글", "Normal")] + [(f"개요 {k}", f"Outline {k}") for k in (1, 2, 3)]
    docinfo = b"".join(_rec(26, 0, name(a) + name(b) + struct.pack("<BBhHH", 0, i, 1042, 0, 0))
                       for i, (a, b) in enumerate(styles))
    body: list[bytes] = []
    for b in brief.blocks:
        if b[0] == "title":
            body += _hwp_para(b[1], 0)
        elif b[0] == "h":
            body += _hwp_para(b[2], 0, style=b[1])
        elif b[0] == "p":
            marks = [int(n) for n in MARK.findall(b[1])]
            body += _hwp_para(MARK.sub("\ufffc", b[1]), 0, controls=[(17, b"fn  ")] * len(marks))
            for n in marks:
                body.append(_rec(71, 1, b"fn  "[::-1] + struct.pack("<I", 0)))
                body.append(_rec(72, 2, struct.pack("<HHI", 1, 0, 0)))
                body += _hwp_para(brief.footnotes[n], 2)
        elif b[0] == "t":
            _, caption, rows, source = b
            body += _hwp_para(caption, 0)
            body += _hwp_para("\ufffc", 0, controls=[(11, b"tbl ")])
            body.append(_rec(71, 1, b"tbl "[::-1] + struct.pack("<I", 0)))
            width = max(len(r) for r in rows)
            body.append(_rec(77, 2, struct.pack("<IHH", 0, len(rows), width)))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    body.append(_rec(72, 2, struct.pack("<HHIHHHH", 1, 0, 0, c, r, 1, 1)))
                    body += _hwp_para(cell, 2)
            if source:
                body += _hwp_para(source, 0)
    header = struct.pack("<32sII", b"HWP Document File", 0x05000300, (1 if compressed else 0) | flags_extra)
    header = header.ljust(256, b"\0")
    return write_cfb({"FileHeader": header, "DocInfo": pack(docinfo), "BodyText/Section0": pack(b"".join(body))})


# ---------------------------------------------------------------- text -> Brief -----------------

def brief_from_text(text: str, reference_date: str | None = None) -> Brief:
    """Turn a plain-text brief into blocks with the project's own structure recovery, so that
    the team's text examples can be rendered into every format."""
    from summitwatch.ingest import load_bytes
    from summitwatch.structure import recover

    s = recover(load_bytes(text.encode("utf-8"), source="example.txt"))
    body = s.body.text
    noted = {f.n for f in s.footnotes}
    refs = sorted(s.footnote_refs, key=lambda r: r.start)
    blocks: list[tuple] = []
    tables = sorted(s.tables, key=lambda t: t.start)
    done_tables: set[int] = set()
    for b in s.blocks:
        table = next((t for t in tables if t.start <= b.start < max(t.end, t.start + 1)), None)
        if table is not None:
            if id(table) not in done_tables:
                done_tables.add(id(table))
                last = body[table.start:table.end].rstrip().rsplit("\n", 1)[-1].strip()
                source = last if table.source and table.source in last else (
                    f"출처: {table.source}" if table.source else "")
                blocks.append(("t", table.caption, [[r.header] + list(r.cells) for r in table.rows], source))
            continue
        seg = body[b.start:b.end]
        if b.kind == "heading":
            blocks.append(("h", b.level or 1, seg.strip()))
            continue
        inner = [r for r in refs if b.start <= r.start <= b.end]
        out, pos = [], b.start
        for r in inner:
            mark = "{%d}" % r.n if r.n in noted else str(r.n)
            if 0 < r.start < len(body) and body[r.start - 1] == " " and body[r.start] != " ":
                mark += " "     # structure recovery took the marker with one of the spaces around it
            out.append(body[pos:r.start] + mark)
            pos = r.start
        out.append(body[pos:b.end])
        blocks.append(("p", " ".join("".join(out).split())))
    notes = {f.n: " ".join(f.text.text.split()) for f in s.footnotes}
    title = next((b[-1] for b in blocks if b[0] in ("h", "p")), "")
    if blocks and blocks[0][0] == "p" and len(blocks[0][1]) <= 80:
        blocks[0] = ("title", blocks[0][1])          # a short first line is the document's title
    return Brief(title=re.sub(r"\{\d+\}", "", title)[:80], date=reference_date or "2025-01-01", author="연구팀",
                 header="summitwatch 예시 브리프", blocks=blocks, footnotes=notes)


KOREAN_TTF = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"     # Debian fonts-nanum


def scanned_text_pdf(pages: list[list[str]], font_path: str = KOREAN_TTF) -> bytes:
    """A scan: each page an image of the given lines (drawn by PIL), no text layer at all."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    font = ImageFont.truetype(font_path, 44)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    for lines in pages:
        img = Image.new("L", (1654, 2339), 255)              # A4 at 200 dpi
        draw = ImageDraw.Draw(img)
        y = 200
        for ln in lines:
            draw.text((160, y), ln, font=font, fill=0)
            y += 90
        c.drawImage(ImageReader(img), 0, 0, 595, 842)
        c.showPage()
    c.save()
    return buf.getvalue()


class PageMaker:
    """A few pages drawn line by line, for layout tests: wrapped paragraphs in a column,
    raised footnote markers ({n} in the text), small print at the foot, rules."""

    def __init__(self, width: float = 595.0, height: float = 842.0):
        from reportlab.pdfgen import canvas
        _fonts()
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=(width, height))
        self.height = height

    def wrap(self, text: str, width: float, size: float = 10.0) -> list[str]:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        lines: list[list[str]] = [[]]
        for w in text.split(" "):
            trial = re.sub(r"\{\d+\)?\}", "", " ".join(lines[-1] + [w]))
            if lines[-1] and stringWidth(trial, BODY_FONT, size) > width:
                lines.append([w])
            else:
                lines[-1].append(w)
        return [" ".join(x) for x in lines]

    def line(self, x: float, y: float, text: str, size: float = 10.0) -> None:
        """One line at baseline y; {n} draws a raised marker n in a smaller font."""
        from reportlab.pdfbase.pdfmetrics import stringWidth
        cx = x
        for piece in re.split(r"(\{\d+\)?\})", text):
            if not piece:
                continue
            m = re.fullmatch(r"\{(\d+\)?)\}", piece)
            font_size, rise, s = (size * 0.6, size * 0.4, m.group(1)) if m else (size, 0.0, piece)
            self.c.setFont(BODY_FONT, font_size)
            self.c.drawString(cx, y + rise, s)
            cx += stringWidth(s, BODY_FONT, font_size)

    def column(self, x: float, y: float, width: float, text: str, size: float = 10.0, lead: float = 16.0) -> float:
        """A paragraph wrapped to ``width``; returns the baseline after it."""
        for ln in self.wrap(text, width, size):
            self.line(x, y, ln, size)
            y -= lead
        return y

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.c.setLineWidth(0.5)
        self.c.line(x0, y0, x1, y1)

    def next_page(self) -> None:
        self.c.showPage()

    def bytes(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()
