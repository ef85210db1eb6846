package ca.trialpath.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How fast report.html is in a real browser at N people: the page of {@link ScreeningPages} written by the job's
 * {@code HtmlReport} (the time that takes is printed too), opened from disk in Debian's headless Chromium, then
 * today's list sorted by a column and filtered. Run by {@code bench/report-page.sh browser PEOPLE...}; not a test.
 *
 * <p>One line per page size and round: {@code people=200000 bytes=... write_ms=... interactive_ms=...
 * loaded_ms=... sort_ms=... filter_ms=... today_rows=...}. "interactive" is the navigation's
 * {@code domContentLoadedEventEnd} (the page's one script runs at the end of the body, before it: sorting and
 * filters work from then on); "loaded" is {@code loadEventEnd}; sort and filter are timed in the page around the
 * click or change and the layout that follows.
 */
public final class ReportBrowserBench {

    private ReportBrowserBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        List<Long> sizes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            sizes.add(Long.parseLong(args[i]));
        }
        ChromeDriver browser = browser(out);
        try {
            for (long people : sizes) {
                long start = System.nanoTime();
                Path page = ScreeningPages.write(out.resolve("browser-" + people), people, "en", 1000);
                double writeMs = (System.nanoTime() - start) / 1e6;
                for (int round = 0; round < rounds; round++) {
                    browser.get("about:blank");
                    browser.get(page.toUri().toString());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> t = (Map<String, Object>) browser.executeScript(
                            "var n = performance.getEntriesByType('navigation')[0];"
                            + "var rows = document.querySelectorAll('#today-table tbody tr').length;"
                            + "var b = document.querySelector('#today-table thead th:nth-child(3) button.sort');"
                            + "var t0 = performance.now(); b.click(); document.body.offsetHeight;"
                            + "var sort = performance.now() - t0;"
                            + "var s = document.getElementById('today-table-group'); s.value = 'IN_PROGRESS';"
                            + "var t1 = performance.now(); s.dispatchEvent(new Event('change')); document.body.offsetHeight;"
                            + "var filter = performance.now() - t1;"
                            + "return {interactive: n.domContentLoadedEventEnd, loaded: n.loadEventEnd, sort: sort,"
                            + " filter: filter, rows: rows};");
                    System.out.printf(Locale.ROOT,
                            "people=%d bytes=%d write_ms=%.0f interactive_ms=%.0f loaded_ms=%.0f sort_ms=%.0f"
                                    + " filter_ms=%.0f today_rows=%s round=%d%n",
                            people, Files.size(page), writeMs, num(t.get("interactive")), num(t.get("loaded")),
                            num(t.get("sort")), num(t.get("filter")), t.get("rows"), round + 1);
                }
            }
        } finally {
            browser.quit();
        }
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private static ChromeDriver browser(Path out) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(out.resolve("chromium-profile")), "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(300));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
        return browser;
    }
}
