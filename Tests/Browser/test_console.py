"""The operator console in a real headless Chromium, against the real `patchbay serve` and a loopback FakeMeraki:
sign in, add a Meraki integration through the form, see the fake's counts, sync and watch it finish, search a
network and open its config, cancel a slow sync, delete the integration, sign out; a network named like markup
renders as text; a signed-out page redirects to sign-in; a cross-origin POST is refused. Every page is screenshot
to .build/browser-artifacts/ and checked for browser console errors, labels and phone width.

Run by scripts/browser-tests.sh (part of `make test`). The steps share one browser and one server, in order."""

import json
import re
import sys
import unittest

from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import harness
from harness import ARTIFACTS, wait

XSS = "<img src=x onerror=alert(1)>"


class ConsoleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        cls.fake = harness.FakeMeraki()
        cls.server = harness.Patchbay(cls.fake)
        cls.browser = harness.chromium()
        cls.origin = cls.server.origin
        cls.expected = cls.fake.info

    @classmethod
    def tearDownClass(cls):
        for stop in (cls.browser.quit, cls.server.stop, cls.fake.stop):
            try:
                stop()
            except Exception as error:  # a failed teardown must not hide the test's own failure
                print(f"teardown: {error}", file=sys.stderr)

    # Helpers ---------------------------------------------------------------------------------------------------

    def open(self, path):
        self.browser.get(self.origin + path)

    def css(self, selector):
        return self.browser.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        return self.browser.find_elements(By.CSS_SELECTOR, selector)

    def until(self, condition, message, timeout=30):
        try:
            return wait(self.browser, lambda driver: condition(), timeout, message)
        except TimeoutException:
            self.shot("failed-" + re.sub(r"[^a-z0-9]+", "-", message.lower()).strip("-"))
            raise

    def text_appears(self, selector, pattern, timeout=30):
        def found():
            for element in self.all(selector):
                if re.search(pattern, element.text):
                    return element
            return False
        return self.until(found, f"{selector} never showed {pattern!r}", timeout)

    def shot(self, name):
        self.browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))

    def page_is_clean(self, name, allow=()):
        """No console errors (incl. a missing favicon), every control labelled, nothing wider than the window."""
        errors = [entry for entry in self.browser.get_log("browser")
                  if entry["level"] == "SEVERE" and not any(text in entry["message"] for text in allow)]
        self.assertEqual(errors, [], f"{name}: browser console errors")
        unlabelled = self.browser.execute_script(
            "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
            ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.outerHTML);"
        )
        self.assertEqual(unlabelled, [], f"{name}: controls without a label")
        self.assertTrue(self.browser.execute_script("return !!document.querySelector('main')"), f"{name}: no <main>")
        self.assertEqual(self.browser.execute_script("return document.documentElement.lang"), "en")
        self.no_alert()

    def no_alert(self):
        try:
            alert = self.browser.switch_to.alert
        except NoAlertPresentException:
            return
        text = alert.text
        alert.dismiss()
        self.fail(f"a script ran: alert({text!r})")

    def integration_row(self, name="HQ"):
        for row in self.all("#integrations tbody tr[data-integration]"):
            if row.find_element(By.CSS_SELECTOR, ".row-title").text == name:
                return row
        return None

    # Steps -----------------------------------------------------------------------------------------------------

    def test_01_signed_out_page_redirects_to_sign_in(self):
        status, headers, _ = self.server.api("GET", "/networks?workspace=acme")
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], "/sign-in?next=%2Fnetworks%3Fworkspace%3Dacme")
        for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
            self.assertIn(name, headers)
        self.open("/integrations")
        self.until(lambda: "/sign-in?next=" in self.browser.current_url, "no redirect to sign-in")
        self.assertEqual(self.css("h1").text, "Sign in to the console")
        self.assertEqual(self.css("#token").get_attribute("type"), "password")
        self.shot("01-sign-in")
        self.page_is_clean("sign-in")

    def test_02_sign_in_with_a_token(self):
        field = self.css("#token")
        field.send_keys("pbt_not-a-real-token")
        field.send_keys(Keys.ENTER)
        self.text_appears("#sign-in-error", r"not valid")
        self.shot("02-sign-in-refused")
        field.clear()
        field.send_keys(self.server.token)
        self.css("#sign-in-form button[type=submit]").click()
        self.until(lambda: self.browser.current_url.startswith(self.origin + "/integrations"), "not signed in")
        cookie = self.browser.get_cookie("patchbay_session")
        self.assertIsNotNone(cookie)
        self.assertTrue(cookie["httpOnly"])
        self.assertEqual(cookie["sameSite"], "Strict")
        # The page cannot see the session, and the token lives nowhere the page keeps things.
        self.assertNotIn("patchbay_session", self.browser.execute_script("return document.cookie"))
        stored = self.browser.execute_script("return JSON.stringify([localStorage, sessionStorage])")
        self.assertNotIn(self.server.token, stored)
        self.assertNotIn(cookie["value"], stored)
        self.text_appears("h1", "Integrations")
        # The refused attempt answered 401, which the browser logs as a failed resource load.
        self.page_is_clean("integrations-empty", allow=("/v1/sessions - Failed to load resource",))

    def test_03_add_a_meraki_integration_through_the_form(self):
        self.css("a[href^='/integrations/new']").click()
        self.text_appears("h1", "Add integration")
        key = self.css("#credential-api_key")
        self.assertEqual(key.get_attribute("type"), "password", "a SECRET field is a password input")
        base_url = self.css("#setting-base_url")
        self.assertTrue(base_url.get_attribute("placeholder"), "a setting shows its default")
        self.css("#name").send_keys("HQ")
        key.send_keys(self.expected["api_key"])
        self.css("#validate").click()
        result = self.text_appears("#validation-result", r"accepts these credentials")
        for organization in self.expected["organizations"]:
            self.assertIn(organization, result.text)
        self.shot("03-add-integration-validated")
        self.page_is_clean("add-integration")
        self.css("#create").click()
        self.until(lambda: self.browser.current_url.startswith(self.origin + "/integrations?"), "not back on the list")
        self.until(lambda: self.integration_row() is not None, "no HQ row")

    def test_04_counts_equal_the_fakes(self):
        # A second account whose key the provider refuses: its row says why, and only its row.
        status, _, _ = self.server.api("POST", "/v1/workspaces/acme/integrations", token=self.server.token,
                                       body={"provider": "meraki", "name": "Lab", "validate": False,
                                             "credentials": {"api_key": "revoked-key-0000"}})
        self.assertEqual(status, 201)
        self.open("/integrations")
        lab = self.text_appears("#integrations tbody tr[data-integration]", r"^Lab")
        error = wait(self.browser, lambda _: lab.find_elements(By.CSS_SELECTOR, ".cell-error"), 60,
                     "the failing row never said why")[0]
        self.assertIn("meraki", error.text, "the error names the provider")
        row = self.until(self.integration_row, "no HQ row")
        networks = wait(self.browser, lambda _: row.find_elements(By.CSS_SELECTOR, "[data-count=networks]"), 60,
                        "networks count never loaded")[0]
        access_points = row.find_element(By.CSS_SELECTOR, "[data-count=access-points]")
        self.assertEqual(int(networks.text.replace(",", "")), self.expected["networks"])
        self.assertEqual(int(access_points.text.replace(",", "")), self.expected["access_points"])
        self.assertIn("Never synced", row.text)
        self.text_appears("[data-stat=networks] .stat-value", f"^{self.expected['networks']}$")
        self.text_appears("[data-stat=attention] .stat-value", "^1$")
        self.page_is_clean("integrations")

    def test_05_sync_now_and_watch_it_finish(self):
        row = self.integration_row()
        row.find_element(By.XPATH, ".//button[normalize-space()='Sync now']").click()
        self.until(lambda: "succeeded" in (self.integration_row().text or ""), "the sync never finished", timeout=90)
        row = self.integration_row()
        self.assertIn(f"+{self.expected['networks']}", row.text, "created figures of the run")
        self.shot("04-integrations")
        self.page_is_clean("integrations-synced")
        self.browser.set_window_size(390, 844)
        self.open("/integrations")
        self.until(lambda: self.integration_row() is not None and "succeeded" in self.integration_row().text, "phone")
        overflow = self.browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        self.assertLessEqual(overflow, 0, "the page scrolls sideways at phone width")
        self.shot("05-integrations-phone")
        self.browser.set_window_size(1366, 900)
        self.browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                     {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        self.open("/integrations")
        self.until(lambda: self.integration_row() is not None and "succeeded" in self.integration_row().text, "dark")
        background = self.browser.execute_script("return getComputedStyle(document.body).backgroundColor")
        self.assertNotEqual(background, "rgb(245, 246, 248)", "dark mode changes the palette")
        self.shot("06-integrations-dark")
        self.browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

    def test_06_find_a_network_by_search_and_markup_stays_text(self):
        self.css("nav a[href^='/networks']").click()
        self.text_appears("h1", "Networks")
        self.until(lambda: len(self.all("#networks tbody tr")) == self.expected["networks"], "not every network")
        search = self.css("#network-search")
        search.send_keys("network 4")
        self.until(lambda: [r.text for r in self.all("#networks tbody tr .network-link")] ==
                   ["Org 1 network 4", "Org 2 network 4"], "search by name did not narrow the list")
        self.shot("07-networks-search")
        search.clear()
        search.send_keys("<img")
        link = self.until(lambda: [a for a in self.all("#networks tbody .network-link") if a.text == XSS], "no XSS row")
        self.assertEqual(link[0].text, XSS, "the name is shown literally")
        self.assertEqual(self.all("#networks img"), [], "no <img> was created from a network name")
        self.no_alert()
        self.shot("08-networks-markup-as-text")
        self.page_is_clean("networks")

    def test_07_sort_and_filter(self):
        self.open("/networks?sort=-name")
        self.until(lambda: len(self.all("#networks tbody tr")) == self.expected["networks"], "not every network")
        names = [a.text for a in self.all("#networks tbody .network-link")]
        self.assertEqual(names, sorted(names, reverse=True))
        organization = self.expected["organizations"][1]
        self.browser.find_element(By.CSS_SELECTOR, f"#filter-organization option[value='{organization}']").click()
        self.until(lambda: {c.text for c in self.all("#networks tbody td[data-label=Organization]")} == {organization},
                   "organization filter")
        self.page_is_clean("networks-filtered")

    def test_08_open_a_network_and_its_config(self):
        self.open("/networks?q=%3Cimg")
        link = self.until(lambda: [a for a in self.all("#networks tbody .network-link") if a.text == XSS], "no row")[0]
        link.click()
        heading = self.text_appears("#network-name", re.escape(XSS))
        self.assertEqual(heading.text, XSS)
        config = json.loads(self.css("#network-config").text)
        self.assertEqual(config["name"], XSS)
        self.assertTrue(config["id"].startswith("L_"))
        self.text_appears("#history-title + p + ol li", r"succeeded")
        self.assertEqual(self.all("main img"), [])
        self.shot("09-network-config")
        self.page_is_clean("network")

    def test_09_cancel_a_slow_sync(self):
        features = self.server.api("GET", "/v1/openapi.yaml")[2]
        cancellable = re.search(r"/v1/syncs/\{[a-z_]+\}:(?:\n {4}.*)*\n {4}delete:", features) is not None
        self.fake.command("slow /networks 8000")
        try:
            self.open("/integrations")
            row = self.until(self.integration_row, "no HQ row")
            row.find_element(By.XPATH, ".//button[normalize-space()='Sync now']").click()
            self.text_appears(".progress-text", r"Syncing HQ")
            if not cancellable:
                # This server has no DELETE /v1/syncs/{run} yet (the sync engine issue adds it): the console must
                # not offer a button that cannot work. The step ends by letting the slow sync finish.
                self.assertEqual(self.all(".progress-row button"), [], "a Cancel button without the route")
                print("\nNOTE: DELETE /v1/syncs/{run} is not in this server; cancel was checked as absent",
                      file=sys.stderr)
                self.shot("10-sync-running")
                self.fake.command("fast /networks")
                self.until(lambda: "succeeded" in self.integration_row().text, "slow sync never ended", timeout=90)
                return
            cancel = self.until(lambda: self.all(".progress-row button"), "no Cancel button")[0]
            self.shot("10-sync-running")
            cancel.click()
            self.until(lambda: "cancelled" in self.integration_row().text, "the sync was not cancelled", timeout=60)
        finally:
            self.fake.command("fast /networks")
        self.page_is_clean("integrations-cancelled")

    def test_10_sync_runs_page(self):
        row = self.integration_row()
        row.find_element(By.XPATH, ".//a[normalize-space()='Runs']").click()
        self.text_appears("h1", "Sync runs")
        runs = self.all("#syncs tbody tr[data-run]")
        self.assertGreaterEqual(len(runs), 2)
        self.assertIn("succeeded", runs[-1].text)
        self.shot("11-sync-runs")
        self.page_is_clean("sync-runs")

    def test_11_providers_page(self):
        self.css("nav a[href^='/providers']").click()
        meraki = self.text_appears("article[data-provider=meraki]", r"loaded")
        for fact in ("Version", "Vendor", "Plugin ABI", "Isolation", "Capabilities", "Allowed hosts", "Rate budgets"):
            self.assertIn(fact, meraki.text)
        self.assertIn(self.expected["authority"], meraki.text)
        missing = self.css("article[data-provider=missing]")
        self.assertIn("failed", missing.text)
        self.assertIn("Did not load", missing.text)
        self.shot("12-providers")
        self.page_is_clean("providers")

    def test_12_users_and_tokens_page(self):
        self.css("nav a[href^='/users']").click()
        self.text_appears("#members", r"ops")
        self.text_appears("#sessions", r"this session")
        self.css("#token-name").send_keys("browser-test")
        self.css("#token-name").send_keys(Keys.ENTER)
        secret = self.text_appears("pre.secret", r"^pbt_")
        self.assertTrue(secret.text.startswith("pbt_"))
        self.shot("13-users-tokens")
        self.page_is_clean("users")

    def test_12b_workspace_switcher(self):
        status, _, _ = self.server.api("POST", "/v1/workspaces", body={"name": "globex"}, token=self.server.token)
        self.assertEqual(status, 201)
        self.open("/integrations")
        switcher = self.until(lambda: self.all("#workspace-switcher"), "no switcher with two workspaces")[0]
        self.assertEqual(switcher.accessible_name, "Workspace")
        switcher.find_element(By.CSS_SELECTOR, "option[value=globex]").click()
        self.until(lambda: "workspace=globex" in self.browser.current_url, "the switcher did not change workspace")
        self.text_appears(".empty h2", "No integrations yet")
        self.page_is_clean("integrations-other-workspace")
        self.css("#workspace-switcher option[value=acme]").click()
        self.until(lambda: "workspace=acme" in self.browser.current_url, "could not switch back")

    def test_13_cross_origin_post_is_refused(self):
        evil = harness.EvilSite(self.origin)
        try:
            self.browser.get(evil.origin + "/")
            # The form posts after the fetch: the browser lands on the server's answer to the forged request.
            self.until(lambda: self.browser.current_url == self.origin + "/v1/workspaces", "the form never posted")
            body = self.css("body").text
            self.assertIn("permission_denied", body)
            self.assertIn("not this console's origin", body)
        finally:
            evil.stop()
            self.browser.get_log("browser")  # the evil page's failed loads are not the console's
        status, _, answer = self.server.api("GET", "/v1/workspaces", token=self.server.token)
        self.assertEqual(status, 200)
        names = [w["name"] for w in answer["workspaces"]]
        self.assertNotIn("pwned-by-fetch", names)
        self.assertNotIn("pwned-by-form=", names)
        cookie = self.browser.get_cookie("patchbay_session")["value"]
        status, _, answer = self.server.api("POST", "/v1/workspaces", body={"name": "pwned"},
                                            headers={"Cookie": f"patchbay_session={cookie}",
                                                     "Origin": "https://evil.example"})
        self.assertEqual(status, 403)

    def test_14_delete_the_integration_typing_its_name(self):
        self.open("/integrations")
        row = self.until(self.integration_row, "no HQ row")
        integration = row.get_attribute("data-integration")
        row.find_element(By.XPATH, ".//button[normalize-space()='Delete']").click()
        dialog = self.css("dialog[open]")
        confirm = dialog.find_element(By.CSS_SELECTOR, "button[type=submit]")
        field = dialog.find_element(By.CSS_SELECTOR, "#confirm-name")
        self.assertEqual(self.browser.switch_to.active_element, field, "focus moves into the dialog")
        field.send_keys("HQ ")
        self.assertFalse(confirm.is_enabled(), "a name that does not match keeps the button disabled")
        field.send_keys(Keys.BACKSPACE)
        self.assertTrue(confirm.is_enabled())
        self.shot("14-delete-confirm")
        confirm.click()
        self.until(lambda: self.integration_row() is None and not self.all("dialog[open]"), "the row stayed")
        status, _, _ = self.server.api("GET", f"/v1/integrations/{integration}", token=self.server.token)
        self.assertEqual(status, 404)
        self.page_is_clean("integrations-deleted")

    def test_15_sign_out_ends_the_session(self):
        cookie = self.browser.get_cookie("patchbay_session")["value"]
        self.css("#sign-out").click()
        self.until(lambda: "/sign-in" in self.browser.current_url, "not on sign-in")
        status, _, _ = self.server.api("GET", "/v1/me", headers={"Cookie": f"patchbay_session={cookie}"})
        self.assertEqual(status, 401, "the old session value no longer works")
        self.open("/providers")
        self.until(lambda: "/sign-in?next=%2Fproviders" in self.browser.current_url, "no redirect after sign-out")
        self.page_is_clean("signed-out")


if __name__ == "__main__":
    unittest.main(verbosity=2)
