"""Pages and their JSON twins over the tracking corpus."""
from __future__ import annotations

import html
import re


def _summit(client) -> dict:
    rows = client.get("/api/summits").json()
    assert len(rows) == 1
    return rows[0]


def test_app_summits_list_and_twin(client):
    s = _summit(client)
    assert s["date"] == "2026-03-09" and set(s["parties"]) == {"CA", "KR"}
    page = client.get("/summits")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'href="/summits/{s["id"]}"' in page.text
    assert "2026.3.9" in page.text                  # analysts' date form in HTML, ISO in JSON
    assert "정상회담" in page.text                    # Korean first


def test_app_summit_page_is_the_dossier(client):
    s = _summit(client)
    data = client.get(f"/api/summits/{s['id']}").json()
    commitments = [cf["commitment"] for g in data["domains"] for cf in g["commitments"]]
    assert commitments and all(c["summit"] == s["id"] for c in commitments)
    verdicts = {c["verdict"] for c in commitments}
    assert {"kept", "broken"} <= verdicts               # the follow-ups keep one and break another
    assert any(c["evidence"] for c in commitments)
    assert data["polls"] and data["polls"][0]["points"]
    assert "chart_svg" not in data["polls"][0]           # HTML only
    assert data["recommendations"], "the brief recommends"
    assert {d["id"] for d in data["sources"]} >= set(s["documents"])
    kinds = {e["kind"] for e in data["timeline"]}
    assert {"summit", "supports", "contradicts", "poll"} <= kinds
    page = client.get(f"/summits/{s['id']}").text
    for c in commitments:
        assert f'href="/commitments/{c["id"]}"' in page
    assert "<svg" in page and ' style="' not in page.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_app_commitment_page_lineage_and_evidence_link_to_spans(client):
    s = _summit(client)
    rows = client.get("/api/commitments", params={"summit": s["id"]}).json()
    with_ev = [r for r in rows if r["evidence"]]
    assert with_ev
    detail = client.get(f"/api/commitments/{with_ev[0]['id']}").json()["detail"]["commitment"]
    page = client.get(f"/commitments/{detail['id']}").text
    for e in detail["evidence"]:
        sp = e["span"]
        assert f'/documents/{sp["document"]}?hl={sp["start"]}-{sp["end"]}#s-{sp["start"]}-{sp["end"]}' in page
    multi = [r for r in rows if r["mentions"] > 1]
    assert multi, "the same commitment in the statement and the news"
    lineage = client.get(f"/api/commitments/{multi[0]['id']}").json()["detail"]["commitment"]["mentions"]
    assert len({m["document"] for m in lineage}) > 1


def test_app_document_page_highlights_and_target_span(client, store):
    s = _summit(client)
    c = next(r for r in client.get("/api/commitments").json() if r["evidence"])
    ev = client.get(f"/api/commitments/{c['id']}").json()["detail"]["commitment"]["evidence"][0]["span"]
    r = client.get(f"/documents/{ev['document']}", params={"hl": f"{ev['start']}-{ev['end']}"})
    assert r.status_code == 200
    m = re.search(rf'<mark class="target" id="s-{ev["start"]}-{ev["end"]}">(.*?)</mark>', r.text, re.S)
    assert m, "the evidence span is marked"
    assert html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) == ev["quote"]
    data = client.get(f"/api/documents/{ev['document']}").json()
    kinds = {h["kind"] for h in data["highlights"]}
    assert {"dates", "entities", "events"} <= kinds
    # every highlight lies on the raw text; an event that is evidence links to its commitment
    assert all(data["text"][h["start"]:h["end"]] for h in data["highlights"])
    assert f'href="/commitments/{c["id"]}"' in r.text
    joint = s["documents"][0]
    jd = client.get(f"/api/documents/{joint}").json()
    assert any(h["kind"] == "commitments" and (h["href"] or "").startswith("/commitments/") for h in jd["highlights"])
    # the text round-trips: the page's text without tags is the raw text
    pre = re.search(r'<pre class="doc" id="doc-text">(.*?)</pre>', r.text, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", pre)) == data["text"]


def test_app_search_morpheme_links_to_span(client):
    hits = client.get("/api/search", params={"q": "투자"}).json()
    assert hits
    assert any("투자하기로" in h["snippet"] or "투자를" in h["snippet"] for h in hits)
    page = client.get("/search", params={"q": "투자"}).text
    a, z = hits[0]["hits"][0]
    assert f'/documents/{hits[0]["document"]}?hl={a}-{z}#s-{a}-{z}' in page


def test_app_entities_polls_and_documents(client):
    ents = client.get("/api/entities").json()
    assert any(e["key"] == "CA" and e["type"] == "COUNTRY" for e in ents)
    us = client.get("/api/entities/CA").json()
    assert us["summits"] and us["commitments"]
    assert client.get("/entities/CA").status_code == 200
    polls = client.get("/api/polls").json()
    assert polls and client.get("/polls").status_code == 200
    docs = client.get("/api/documents").json()
    assert len(docs) == 9
    assert all(f'href="/documents/{d["id"]}"' in client.get("/documents").text for d in docs)


def test_app_english_switch_and_cookie(client):
    en = client.get("/summits", params={"lang": "en"})
    assert "Summits" in en.text and en.cookies.get("sw_lang") == "en"
    assert "Summits" in client.get("/summits").text      # the cookie keeps it
    assert "정상회담" in client.get("/summits", params={"lang": "ko"}).text


def test_app_not_found_and_openapi(client):
    r = client.get("/summits/nope")
    assert r.status_code == 404 and "Traceback" not in r.text
    assert client.get("/api/commitments/nope").json()["detail"].startswith("no commitment")
    spec = client.get("/api/openapi.json").json()
    assert "/api/summits/{summit_id}" in spec["paths"] and "/api/documents/{doc_id}" in spec["paths"]
    assert client.get("/api").status_code == 200


def test_app_dates_iso_in_json_and_dotted_in_html():
    from summitwatch.web.i18n import kdate

    assert kdate("2025-02-07") == "2025.2.7"
    assert kdate("2025-11") == "2025.11"
    assert kdate("2025-02-07T09:05:00+00:00") == "2025.2.7 09:05"
    assert kdate(None) == ""


def test_app_person_entity_page(client):
    people = [e for e in client.get("/api/entities").json() if e["type"] == "PERSON"]
    assert people, "the corpus names reporters and officials"
    page = client.get(f"/api/entities/{people[0]['key']}").json()
    assert page["entity"]["type"] == "PERSON" and page["documents"]
    assert client.get("/api/entities/nobody-at-all").status_code == 404
