"""The web app in a real browser: Debian's chromium driven by Selenium through chromedriver,
against `summitwatch serve` (uvicorn) on 127.0.0.1 on a free port. Screenshots of the summit
and document pages go to out/screenshots/ (or $SUMMITWATCH_SCREENSHOTS). Under CI=true a missing
chromium fails; elsewhere the tests skip with a message."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ROOT = Path(__file__).parents[2]
SHOTS = Path(os.environ.get("SUMMITWATCH_SCREENSHOTS", ROOT / "out" / "screenshots"))
DOC = ("누리통신 2026년 6월 3일\n"
       "캐나다 정부는 2일 한국산 전기차 관세 인하를 예정대로 시행했다고 밝혔다. 공동 투자 기금도 곧 출범한다.\n")


def _need_browser() -> None:
    missing = [p for p in (CHROMIUM, DRIVER) if not Path(p).exists()]
    if missing:
        msg = f"{' and '.join(missing)} not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(corpus_db, tmp_path_factory):
    _need_browser()
    work = tmp_path_factory.mktemp("browser")
    db = work / "corpus.db"
    shutil.copy(corpus_db, db)
    port = _free_port()
    env = dict(os.environ)
    env.pop("SUMMITWATCH_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "summitwatch.cli", "serve", "--db", str(db), "--port", str(port),
                             "--upload-dir", str(work / "up")], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/summits", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError("the server did not start: " + proc.stderr.read().decode(errors="replace"))
            time.sleep(0.3)
    yield base, work
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser(server):
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1280,1400",
              "--lang=ko-KR"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _api(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.loads(r.read())


def _wait(pred, seconds: float = 60, what: str = "condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got = pred()
        if got:
            return got
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def _no_csp_errors(driver) -> None:
    bad = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]
           or e["level"] == "SEVERE" and "favicon" not in e["message"]]
    assert not bad, bad


def _in_view(driver, el) -> bool:
    return driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                                 "return r.top >= 0 && r.top < window.innerHeight;", el)


def test_browser_summit_commitment_evidence_span(server, browser):
    from selenium.webdriver.common.by import By

    base, _ = server
    browser.get(base + "/summits")
    assert "정상회담" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.CSS_SELECTOR, "a.summit-link").click()
    _wait(lambda: "/summits/s-" in browser.current_url, what="the summit page")
    assert browser.find_elements(By.CSS_SELECTOR, "#polls svg"), "the poll chart is drawn inline"
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "summit.png"))
    _no_csp_errors(browser)
    with_ev = next(r for r in _api(base, "/api/commitments") if r["evidence"])
    browser.find_element(By.CSS_SELECTOR, f'a.commitment-link[href="/commitments/{with_ev["id"]}"]').click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".evidence-link a"), what="the commitment page")
    quote = _api(base, f"/api/commitments/{with_ev['id']}")["detail"]["commitment"]["evidence"][0]["span"]["quote"]
    browser.find_element(By.CSS_SELECTOR, ".evidence-link a").click()
    mark = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "mark.target"), what="the highlighted span")[0]
    assert mark.text.replace("\n", "") == quote.replace("\n", "")
    assert mark.get_attribute("id").startswith("s-") and _in_view(browser, mark)
    assert browser.find_elements(By.CSS_SELECTOR, "pre.doc a.hl.k-events"), "facts are highlighted and linked"
    browser.save_screenshot(str(SHOTS / "document.png"))
    _no_csp_errors(browser)


def test_browser_search_a_morpheme(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, _ = server
    browser.get(base + "/summits")
    box = browser.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.send_keys("투자", Keys.ENTER)
    hits = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "ol.hits li"), what="search results")
    assert any("투자하기로" in h.text for h in hits)
    hits[0].find_element(By.CSS_SELECTOR, "a.hit").click()
    mark = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "mark.target"), what="the search hit's span")[0]
    assert "투자" in mark.text


def test_browser_upload_and_watch_it_appear(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    base, _ = server
    path = tmp_path / "follow_up_june.txt"
    path.write_text(DOC, encoding="utf-8")
    browser.get(base + "/upload")
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
    browser.find_element(By.CSS_SELECTOR, ".upload-form button").click()
    _wait(lambda: browser.find_elements(By.ID, "job-progress"), what="the progress page")
    _wait(lambda: browser.find_element(By.ID, "job").get_attribute("data-state") in ("done", "failed"),
          seconds=120, what="the analysis")
    assert browser.find_element(By.ID, "job").get_attribute("data-state") == "done", \
        browser.find_element(By.ID, "job-error").text
    assert browser.find_element(By.ID, "job-state").text == "완료"
    link = browser.find_element(By.ID, "job-document")
    assert link.is_displayed()
    link.click()
    _wait(lambda: browser.find_elements(By.ID, "doc-text"), what="the uploaded document")
    assert "전기차 관세" in browser.find_element(By.ID, "doc-text").text
    browser.get(base + "/documents")
    assert "follow_up_june" in browser.page_source or len(browser.find_elements(By.CSS_SELECTOR, "a.doc-link")) == 10
    _no_csp_errors(browser)


def test_browser_submit_a_review(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    base, _ = server
    c = _api(base, "/api/commitments")[0]
    browser.get(base + f"/commitments/{c['id']}")
    Select(browser.find_element(By.NAME, "status")).select_by_value("compromise")
    browser.find_element(By.NAME, "why").send_keys("일부만 시행되었다")
    browser.find_element(By.NAME, "by").send_keys("browser-test")
    browser.find_element(By.CSS_SELECTOR, ".review-form button").click()
    _wait(lambda: browser.find_elements(By.ID, "saved"), what="the review to be recorded")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.review")
    assert any("일부만 시행되었다" in r.text and "browser-test" in r.text for r in rows)
    assert _api(base, f"/api/commitments/{c['id']}")["detail"]["commitment"]["verdict"] == "compromise"
