"""The reader's work is never lost or mixed with the example: empty start, kept across reload,
Back and instant navigation (in this tab only), Rensa, and a blank new row that keeps the result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .helpers import expected, fill, open_calculator, row

pytestmark = pytest.mark.browser

RISK = "metoder/riskanalys/"
EMPTY = "Fyll i formuläret"


def _own_risk(page: Page, base_url: str):
    calc = open_calculator(page, base_url + RISK, "risk", example=False)
    first = row(calc, 0)
    fill(first.get_by_label("Risk", exact=True), "Min egen risk")
    fill(first.get_by_label("Sannolikhet", exact=True), "3")
    fill(first.get_by_label("Konsekvens", exact=True), "4")
    expect(calc.locator(".handbok-calc__result")).to_contain_text("R1 Min egen risk")
    return calc


def test_form_starts_empty_with_the_example_as_placeholders(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + "metoder/smarta-mal/", "smart", example=False)
    goal = calc.get_by_role("textbox", name="Mål", exact=True)
    expect(goal).to_have_value("")
    assert "senast 31 december 2027" in goal.get_attribute("placeholder")
    expect(calc.get_by_role("group", name="Accepterat").get_by_label("Vet inte")).to_be_checked()
    expect(calc.locator(".handbok-calc__result")).to_contain_text(EMPTY)


def test_own_values_survive_reload_and_never_mix_with_the_example(page: Page, base_url: str) -> None:
    _own_risk(page, base_url)
    page.reload()
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    expect(calc.locator(".handbok-calc__result")).not_to_be_empty(timeout=60_000)
    want = expected("risk", {"risks": [{"name": "Min egen risk", "probability": "3", "consequence": "4"}]})
    result = calc.locator(".handbok-calc__result")
    expect(result.get_by_role("row", name="R1 Min egen risk")).to_contain_text(f"{want['risks'][0]['value']} = 3 × 4")
    expect(row(calc, 1).get_by_label("Risk", exact=True)).to_have_value("")
    expect(result.locator(".handbok-calc__ranking li")).to_have_count(1)


def test_own_values_survive_instant_navigation_and_back(page: Page, base_url: str) -> None:
    calc = _own_risk(page, base_url)
    page.evaluate("window.__sameDocument = true")
    page.locator('a[href*="metoder/smarta-mal/"]:visible').first.click()
    page.wait_for_url(re.compile(r".*/metoder/smarta-mal/(#.*)?$"))
    page.go_back()
    page.wait_for_url(re.compile(r".*/metoder/riskanalys/(#.*)?$"))
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    expect(calc.locator(".handbok-calc__result")).not_to_be_empty(timeout=60_000)
    expect(row(calc, 0).get_by_label("Sannolikhet", exact=True)).to_have_value("3")
    expect(row(calc, 0).get_by_label("Risk", exact=True)).to_have_value("Min egen risk")
    result = calc.locator(".handbok-calc__result")
    expect(result.get_by_role("row", name="R1 Min egen risk")).to_contain_text("12 = 3 × 4")


def test_rensa_empties_the_form_and_what_is_kept(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + RISK, "risk")
    expect(row(calc, 0).get_by_label("Risk", exact=True)).not_to_have_value("")
    calc.get_by_role("button", name="Rensa").click()
    expect(row(calc, 0).get_by_label("Risk", exact=True)).to_have_value("")
    expect(calc.locator(".handbok-calc__result")).to_contain_text(EMPTY)
    page.reload()
    calc = page.locator('.handbok-calc[data-calc="risk"]')
    expect(calc.locator(".handbok-calc__result")).to_contain_text(EMPTY, timeout=60_000)
    expect(row(calc, 0).get_by_label("Risk", exact=True)).to_have_value("")


def test_adding_a_row_keeps_the_result(page: Page, base_url: str) -> None:
    calc = open_calculator(page, base_url + RISK, "risk")
    result = calc.locator(".handbok-calc__result")
    rows = calc.locator(".handbok-calc__rows > [data-row]")
    count = rows.count()
    calc.get_by_role("button", name="Lägg till rad").click()
    expect(rows).to_have_count(count + 1)
    expect(result).to_contain_text(f"Rad {count + 1} i risker är tom och räknas inte.")
    expect(result.locator(".handbok-calc__errors")).to_have_count(0)
    expect(result.locator(".handbok-calc__ranking li")).to_have_count(count)


def test_nothing_is_sent_anywhere_and_kept_only_in_this_tab(page: Page, base_url: str) -> None:
    _own_risk(page, base_url)
    other = page.context.new_page()
    other.goto(base_url + RISK)
    calc = other.locator('.handbok-calc[data-calc="risk"]')
    expect(calc.locator(".handbok-calc__result")).to_contain_text(EMPTY, timeout=60_000)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handbok-calc')).length") == 0
    assert page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('handbok-calc')).length") == 1


def test_csv_download_opens_in_swedish_excel_and_reads_back(page: Page, base_url: str, tmp_path) -> None:
    calc = open_calculator(page, base_url + "metoder/upplevd-kvalitet/", "quality_gap")
    result = calc.locator(".handbok-calc__result")
    headline = result.locator(".handbok-calc__headline").inner_text()
    with page.expect_download() as info:
        calc.get_by_role("button", name="Ladda ned CSV").click()
    download = info.value
    assert download.suggested_filename.startswith("quality_gap-") and download.suggested_filename.endswith(".csv")
    data = download.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Räknare;Upplevd kvalitet (K = O/F)"
    assert "items[1].expectation;Rad 2: Förväntan (F);4" in lines
    assert headline in text and "4,25" in text and "K och O − F per påstående" in text
    assert "4.25" not in text
    saved = tmp_path / "sparad.csv"
    saved.write_bytes(data)
    calc.get_by_role("button", name="Rensa").click()
    expect(result).to_contain_text(EMPTY)
    with page.expect_file_chooser() as chooser:
        calc.get_by_role("button", name="Läs in CSV").click()
    chooser.value.set_files(str(saved))
    expect(row(calc, 1).get_by_label("Förväntan (F)")).to_have_value("4")
    expect(result.locator(".handbok-calc__headline")).to_have_text(headline)


def test_print_shows_only_the_result_with_title_date_and_inputs(page: Page, base_url: str) -> None:
    calc = _own_risk(page, base_url)
    page.evaluate("window.print = () => { window.__printed = true; }")
    calc.get_by_role("button", name="Skriv ut resultatet").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    header = calc.locator(".handbok-calc__print")
    expect(header).to_be_visible()
    expect(header).to_contain_text("Riskvärde och riskmatris")
    expect(header).to_contain_text(re.compile(r"Utskrivet \d{4}-\d{2}-\d{2}"))
    expect(header).to_contain_text("Rad 1: Risk")
    expect(header).to_contain_text("Min egen risk")
    expect(calc.locator(".handbok-calc__result")).to_be_visible()
    expect(calc.locator("form")).to_be_hidden()
    expect(page.locator("h1").first).to_be_hidden()


WORKER_REPLY = "postMessage({ id, result: JSON.parse(run(name, JSON.stringify(inputs))) });"
BROKEN_REPLY = ("const reply = JSON.parse(run(name, JSON.stringify(inputs))); "
                "if (JSON.stringify(inputs).includes('BRYT')) reply.view.blocks.push({type: 'okänd'}); "
                "postMessage({ id, result: reply });")


def test_a_result_that_cannot_be_shown_replaces_the_old_one_with_a_message(page: Page, base_url: str) -> None:
    def broken_worker(route) -> None:
        response = route.fetch()
        body = response.text()
        assert WORKER_REPLY in body
        route.fulfill(response=response, body=body.replace(WORKER_REPLY, BROKEN_REPLY))

    page.route("**/assets/handbok/worker.js*", broken_worker)
    calc = open_calculator(page, base_url + RISK, "risk")
    result = calc.locator(".handbok-calc__result")
    expect(result.locator(".handbok-calc__headline")).to_be_visible()
    fill(row(calc, 0).get_by_label("Risk", exact=True), "BRYT")
    expect(result).to_have_text("Resultatet kunde inte visas. Ladda om sidan och försök igen.")
    expect(calc.get_by_role("button", name="Ladda ned CSV")).to_be_disabled()
