"""Page weight and first render of the console, measured in headless Chromium (Debian's) on loopback against the
real `patchbay serve` with one synced Meraki integration (FakeMeraki). Prints one line per page:

  page            bytes  requests  first paint p50/max  rendered p50/max

`bytes` is everything the page fetched, uncompressed (Resource Timing's decodedBodySize; the server sends no
compression). `first paint` is first-contentful-paint; `rendered` is when the page's data is drawn (the console's
`patchbay:rendered` mark). Every load starts with the browser cache disabled. Targets: < 150 KB, < 300 ms.

Run: scripts/console-benchmark.sh [loads per page, default 20]"""

import statistics
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "Tests" / "Browser"))

import harness  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

PAGES = ["/sign-in", "/integrations", "/networks", "/providers", "/users"]

MEASURE = """
const navigation = performance.getEntriesByType('navigation')[0];
const resources = performance.getEntriesByType('resource');
const paint = performance.getEntriesByName('first-contentful-paint')[0];
const rendered = performance.getEntriesByName('patchbay:rendered')[0];
return {
  bytes: navigation.decodedBodySize + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
  requests: 1 + resources.length,
  paint: paint ? paint.startTime : null,
  rendered: rendered ? rendered.startTime : null,
};
"""


def main():
    loads = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    fake = harness.FakeMeraki()
    server = harness.Patchbay(fake)
    browser = harness.chromium()
    try:
        status, _, created = server.api("POST", "/v1/workspaces/acme/integrations", token=server.token,
                                        body={"provider": "meraki", "name": "HQ",
                                              "credentials": {"api_key": fake.info["api_key"]}})
        assert status == 201, created
        status, _, started = server.api("POST", f"/v1/integrations/{created['id']}/syncs", token=server.token)
        assert status == 202, started
        while server.api("GET", f"/v1/syncs/{started['run_id']}", token=server.token)[2]["status"] == "running":
            time.sleep(0.05)  # polling the run the benchmark waits for, not a test
        browser.get(server.origin + "/sign-in")
        browser.find_element(By.ID, "token").send_keys(server.token)
        browser.find_element(By.CSS_SELECTOR, "#sign-in-form button").click()
        harness.wait(browser, lambda d: "/integrations" in d.current_url)
        browser.execute_cdp_cmd("Network.enable", {})
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        print(f"console on {server.origin}, {loads} cold loads per page, Chromium headless")
        print(f"{'page':<14} {'bytes':>8} {'requests':>9} {'first paint p50/max':>22} {'rendered p50/max':>20}")
        worst = {"bytes": 0, "rendered": 0.0}
        for path in PAGES:
            samples = []
            for _ in range(loads):
                browser.get(server.origin + path)
                wait_for = "patchbay:rendered" if path != "/sign-in" else "first-contentful-paint"
                harness.wait(browser, lambda d: d.execute_script(
                    f"return performance.getEntriesByName('{wait_for}').length > 0"), 30)
                samples.append(browser.execute_script(MEASURE))
            paints = [s["paint"] for s in samples if s["paint"] is not None]
            rendered = [s["rendered"] for s in samples if s["rendered"] is not None] or paints
            size = max(s["bytes"] for s in samples)
            worst["bytes"] = max(worst["bytes"], size)
            worst["rendered"] = max(worst["rendered"], statistics.median(rendered))
            print(f"{path:<14} {size:>8} {samples[0]['requests']:>9} "
                  f"{statistics.median(paints):>10.1f} / {max(paints):>6.1f} ms "
                  f"{statistics.median(rendered):>8.1f} / {max(rendered):>6.1f} ms")
        print(f"largest page {worst['bytes'] / 1024:.1f} KB (target < 150 KB); "
              f"slowest median render {worst['rendered']:.0f} ms (target < 300 ms)")
    finally:
        browser.quit()
        server.stop()
        fake.stop()


if __name__ == "__main__":
    main()
