package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ca.trialpath.bench.ScreeningPages;
import ca.trialpath.cli.RunRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The published {@code report.html} opened from disk in a real browser, as a coordinator opens it: Debian's
 * headless Chromium driven by Selenium through Debian's chromedriver ({@code .ci/run} installs both; Selenium
 * Manager is never asked to download anything). Two nights of the real job with the sample trial catalogue are
 * published first; between them one person's pathway changes (TP-26-0002: distant metastasis the first night,
 * local recurrence the second). A page of 200,000 people (bench ScreeningPages, the job's HtmlReport on a whole
 * night's pairs) is opened too. axe-core (from the npm registry, pinned by {@code .ci/run} into
 * {@code node/node_modules/axe-core}) checks both pages; any serious or critical violation fails. The screenshots
 * land in {@code target/browser/}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:report-browser-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=WARN" })
@SpringBatchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("node", "node_modules", "axe-core", "axe.min.js");
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Path SAMPLE = Path.of("sample-data");
    private static final LocalDate FIRST_NIGHT = LocalDate.of(2026, 11, 27);
    private static final LocalDate SECOND_NIGHT = LocalDate.of(2026, 11, 28);
    private static final String CHANGED_PERSON = "TP-26-0002";
    private static final long BIG = 200_000;

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    private Path work;
    private Path report;
    private Path frenchReport;
    private Path bigReport;
    private long bigWorklist;
    private ChromeDriver browser;

    @BeforeAll
    void publishTwoNightsAndStartTheBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver; .ci/run does)").isExecutable();
        assertThat(AXE).as("axe-core from the npm registry (.ci/run: npm install --prefix node axe-core@VERSION)")
                .isRegularFile();
        work = Files.createTempDirectory("report-browser-tests");
        Path output = work.resolve("reports");

        // the first night: the sample cohort, with TP-26-0002 recorded as come back in the liver
        Path firstInput = copyOfSample(work.resolve("first"));
        Path fileA = firstInput.resolve("cohort-2026-11-a.csv");
        String cohort = Files.readString(fileA, StandardCharsets.UTF_8);
        String before = CHANGED_PERSON + ",1967-02-27,F,ON,C21.1,8070/3,2024-07-19,10,anal_canal,surgery,yes,,1,wants_treatment";
        assertThat(cohort).contains(before);
        Files.writeString(fileA, cohort.replace(before, before.replace(",anal_canal,", ",liver,")), StandardCharsets.UTF_8);
        publish(firstInput, output, FIRST_NIGHT, "en");

        // the second night: the sample cohort as it is, where TP-26-0002 came back in the anal canal
        publish(copyOfSample(work.resolve("second")), output, SECOND_NIGHT, "en");
        report = output.resolve(SECOND_NIGHT.toString()).resolve("report.html");
        assertThat(report).isRegularFile();

        // the same night in French, published to a folder of its own
        Path frenchOutput = work.resolve("rapports");
        publish(copyOfSample(work.resolve("french")), frenchOutput, SECOND_NIGHT, "fr");
        frenchReport = frenchOutput.resolve(SECOND_NIGHT.toString()).resolve("report.html");

        // a night of 200,000 people, written by the job's HtmlReport from a whole night's pairs
        bigReport = ScreeningPages.write(work.resolve("big"), BIG, "en", 1000);
        bigWorklist = ScreeningPages.night(BIG, ScreeningPages.trials()).worklist().size();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")), "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the driver named explicitly: Selenium Manager would otherwise try to download one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(600));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopTheBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void openTheReportFromDisk() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.get(report.toUri().toString());
        assertThat(browser.getTitle()).isEqualTo("TrialPath report " + SECOND_NIGHT);
    }

    @Test
    void shouldLoadWithoutConsoleErrorsAndSaveAScreenshot() throws Exception {
        // then: no script error, and no resource or script refused by the Content Security Policy
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("browser console warnings and errors").isEmpty();
        // and the console is really read: an error the page logs now is seen
        ((JavascriptExecutor) browser).executeScript("console.error('probe of the console log')");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .anySatisfy(entry -> assertThat(entry.getMessage()).contains("probe of the console log"));
        // the script ran: the filters it shows are hidden in the page as written
        assertThat(browser.findElement(By.cssSelector("form.controls[data-table='today-table']")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("svg.chart[role='img']"))).hasSizeGreaterThanOrEqualTo(7);

        screenshot("report.png");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('counts').scrollIntoView()");
        screenshot("report-counts.png");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('trials').scrollIntoView()");
        screenshot("report-trials.png");
    }

    @Test
    void shouldOpenOnTodaysPairsRankedEachNamingItsTrialWithItsStudyPage() {
        // then: the page opens on today's list, its rows in the worklist's groups in order
        assertThat(browser.findElement(By.cssSelector("main > section")).getAttribute("id")).isEqualTo("today");
        List<String> groups = visibleToday("data-group");
        assertThat(groups).isNotEmpty().startsWith("NEW_MATCH");
        List<String> order = List.of("NEW_MATCH", "REOPENED", "REVISIT_DUE", "IN_PROGRESS", "NEW_NEAR_MISS");
        assertThat(groups.stream().map(order::indexOf).toList()).doesNotContain(-1).isSorted();
        // in-province first within the new matches
        List<String> newMatches = visible("#today-table tbody tr[data-group='NEW_MATCH']", "row.getAttribute('data-in-province')");
        assertThat(newMatches.indexOf("no") < 0 || newMatches.lastIndexOf("yes") < newMatches.indexOf("no")).isTrue();

        // each row: the trial's title and NCT id linked to ClinicalTrials.gov, the person linked to their card
        WebElement first = browser.findElement(By.cssSelector("#today-table tbody tr"));
        String nct = first.getAttribute("data-trial");
        assertThat(first.findElement(By.cssSelector("td.trial a")).getAttribute("href"))
                .isEqualTo("https://clinicaltrials.gov/study/" + nct);
        assertThat(first.findElement(By.cssSelector("td.trial")).getText()).contains(nct, "[SAMPLE]");
        String card = first.findElement(By.cssSelector("th a")).getAttribute("href");
        assertThat(card).contains("#cp-");
        assertThat(browser.findElements(By.id(card.substring(card.indexOf('#') + 1)))).hasSize(1);
        // no row shows the old "4 / 2" or bare criterion codes
        String rows = browser.findElement(By.id("today-table")).getText();
        assertThat(rows).doesNotContainPattern("\\b\\d+ / \\d+\\b")
                .doesNotContainPattern("\\b(SURGERY|PRIOR_REQUIRED|PRIOR_EXCLUDED|NEAR_MISS)\\b");
    }

    @Test
    void shouldWorkTheSameInFrench() throws Exception {
        // when
        browser.get(frenchReport.toUri().toString());
        new Select(browser.findElement(By.id("today-table-group"))).selectByValue("NEW_MATCH");

        // then
        assertThat(browser.getTitle()).isEqualTo("Rapport TrialPath " + SECOND_NIGHT);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).isEmpty();
        List<String> groups = visibleToday("data-group");
        int all = browser.findElements(By.cssSelector("#today-table tbody tr")).size();
        assertThat(groups).isNotEmpty().containsOnly("NEW_MATCH");
        assertThat(browser.findElement(By.cssSelector("form[data-table='today-table'] .shown")).getText())
                .isEqualTo(groups.size() + " lignes affichées sur " + all);
        assertThat(browser.findElement(By.id("today-h")).getText())
                .isEqualTo("Aujourd’hui : qui présélectionner, pour quel essai, et pourquoi");
        screenshot("report-fr.png");
    }

    @Test
    void shouldNarrowTodaysRowsWithAFilterAndTheIdSearch() {
        int all = browser.findElements(By.cssSelector("#today-table tbody tr")).size();
        // when
        new Select(browser.findElement(By.id("today-table-in-province"))).selectByValue("no");

        // then
        List<String> elsewhere = visibleToday("data-in-province");
        assertThat(elsewhere).isNotEmpty().containsOnly("no").hasSizeLessThan(all);
        assertThat(browser.findElement(By.cssSelector("form[data-table='today-table'] .shown")).getText())
                .isEqualTo(elsewhere.size() + " of " + all + " rows shown");

        // when
        new Select(browser.findElement(By.id("today-table-in-province"))).selectByValue("");
        browser.findElement(By.id("today-table-id")).sendKeys(CHANGED_PERSON);

        // then
        assertThat(visibleToday("data-id")).isNotEmpty().containsOnly(CHANGED_PERSON);

        // when
        resetToday();

        // then
        assertThat(visibleToday("data-id")).hasSize(all);
    }

    @Test
    void shouldFilterThePeopleNeedingReviewByFlag() {
        // when
        new Select(browser.findElement(By.id("review-table-flag"))).selectByValue("UNKNOWN_SITE_TERM");

        // then
        List<String> flags = visible("#review-table tbody tr", "row.cells[2].textContent");
        assertThat(flags).isNotEmpty().allSatisfy(text -> assertThat(text).contains("UNKNOWN_SITE_TERM"));
        assertThat(flags.size()).isLessThan(browser.findElements(By.cssSelector("#review-table tbody tr")).size());
    }

    @Test
    void shouldPrintTodaysListWithoutTheRecordsOrTheRunsDetails() throws Exception {
        int today = browser.findElements(By.cssSelector("#today-table tbody tr")).size();
        // when
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            // then: on paper, no navigation, filters, charts, people's records or run details; today's rows
            assertThat(browser.findElement(By.cssSelector("nav.skip")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("form.controls[data-table='today-table']")).isDisplayed()).isFalse();
            assertThat(browser.findElements(By.cssSelector("svg.chart"))).allSatisfy(svg -> assertThat(svg.isDisplayed()).isFalse());
            assertThat(browser.findElement(By.id("people")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("run")).isDisplayed()).isFalse();
            assertThat(visibleToday("data-id")).hasSize(today);
            screenshot("report-print.png");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        Path paper = SCREENSHOTS.resolve("report.pdf");
        int pages = print(paper);
        System.out.printf("report.pdf: %d pages for %d rows of today's list%n", pages, today);
        // today's rows and the counts: at least five rows a page (a row says why and what to verify), nothing else long
        assertThat(pages).as("pages of %s for %d rows", paper, today).isBetween(2, today / 5 + 10);

        // (the 200,000-people page is not printed here: its 7 MB take chromedriver past its renderer timeout on a
        // loaded machine; its print rules are the same stylesheet)
    }

    @Test
    void shouldSortEveryRowOfAListByAColumnWhenItsHeadingIsSelected() {
        // when: a filter narrows the rows, then the patient id heading sorts them
        new Select(browser.findElement(By.id("today-table-in-province"))).selectByValue("yes");
        WebElement patient = browser.findElement(By.cssSelector("#today-table thead th:nth-child(2)"));
        patient.findElement(By.cssSelector("button.sort")).click();

        // then: every row is sorted, the hidden ones too, so clearing the filter shows them all in order
        assertThat(patient.getAttribute("aria-sort")).isEqualTo("ascending");
        resetToday();
        List<String> ids = visibleToday("data-id");
        assertThat(ids).hasSize(browser.findElements(By.cssSelector("#today-table tbody tr")).size()).isSorted();

        // when: the rank heading, twice
        WebElement rank = browser.findElement(By.cssSelector("#today-table thead th:nth-child(1) button.sort"));
        rank.click();
        rank.click();

        // then: the last rank first
        List<Integer> ranks = visible("#today-table tbody tr", "row.getAttribute('data-order')").stream()
                .map(Integer::valueOf).toList();
        assertThat(ranks).isSortedAccordingTo(Comparator.reverseOrder()).startsWith(ranks.size());
    }

    @Test
    void shouldSortAndFilterTheWholeListOfThe200kPageAndSayItIsCut() throws Exception {
        // when
        browser.get(bigReport.toUri().toString());

        // then: the page holds the first 1,000 rows of the ranked worklist, and says so above the filters
        assertThat(browser.findElements(By.cssSelector("#today-table tbody tr"))).hasSize(1000);
        String worklist = String.format(Locale.ROOT, "%,d", bigWorklist);
        assertThat(browser.findElement(By.cssSelector("#today p.scope")).getText()).isEqualTo(
                "The page holds the first 1,000 of the run's " + worklist + " rows, ranked: sorting, filters and "
                        + "search see only those. screening_log.csv has them all.");
        assertThat(browser.findElement(By.cssSelector("#today p.more")).getText()).isEqualTo(
                "The page shows the first 1,000 of " + worklist + ", ranked; " + String.format(Locale.ROOT, "%,d",
                        bigWorklist - 1000) + " more are not shown: screening_log.csv has them all.");

        // when: a search, then a sort, then the search cleared
        String tenth = visibleToday("data-id").get(9);
        browser.findElement(By.id("today-table-id")).sendKeys(tenth);
        List<String> found = visibleToday("data-id");
        browser.findElement(By.cssSelector("#today-table thead th:nth-child(2) button.sort")).click();
        resetToday();

        // then
        assertThat(found).contains(tenth).hasSizeLessThan(10).allSatisfy(id -> assertThat(id).contains(tenth));
        assertThat(visibleToday("data-id")).hasSize(1000).isSorted();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).isEmpty();
        screenshot("report-200k.png");
    }

    @Test
    void shouldHaveNoSidewaysScrollOnAPhone() throws Exception {
        for (Path page : List.of(report, bigReport)) {
            // when: a 390 px wide phone screen
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            try {
                browser.get(page.toUri().toString());
                // then: nothing is wider than the screen, whichever part of the page is laid out
                Map<?, ?> width = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
                        "document.querySelectorAll('#cards, #people, #review, #rejects, #run')"
                                + ".forEach(s => s.style.contentVisibility = 'visible');"
                                + "var wide = Array.from(document.querySelectorAll('body *')).filter(e =>"
                                + " e.getBoundingClientRect().right > document.documentElement.clientWidth + 1"
                                + " && !e.closest('.table-wrap, figure.trend')).slice(0, 5).map(e => e.tagName + '#' + e.id"
                                + " + '.' + e.className);"
                                + "return {inner: window.innerWidth, client: document.documentElement.clientWidth,"
                                + " scroll: document.documentElement.scrollWidth, wide: wide.join(' ')};");
                assertThat(((Number) width.get("client")).intValue()).as("layout width").isEqualTo(390);
                assertThat(((Number) width.get("scroll")).intValue()).as("%s: page width at 390 px; too wide: %s",
                        page.getFileName(), width.get("wide")).isLessThanOrEqualTo(390);
                screenshot(page == report ? "report-390.png" : "report-200k-390.png");
            } finally {
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }

    @Test
    void shouldHaveNoSeriousOrCriticalAccessibilityViolations() throws Exception {
        String axe = Files.readString(AXE, StandardCharsets.UTF_8);
        for (Path page : List.of(report, frenchReport, bigReport)) {
            // when
            browser.get(page.toUri().toString());
            ((JavascriptExecutor) browser).executeScript(axe);
            String violations = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify("
                            + "r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v =>"
                            + " ({id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0].target})))),"
                            + " e => done('axe failed: ' + e));");

            // then
            assertThat(violations).as("axe-core serious or critical violations on %s", page).isEqualTo("[]");
        }
        // and axe really reports: a control without a name is seen
        browser.get(report.toUri().toString());
        ((JavascriptExecutor) browser).executeScript(axe);
        ((JavascriptExecutor) browser).executeScript("var b = document.createElement('button');"
                + "document.getElementById('today').appendChild(b);");
        String probe = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: ['button-name']}).then(r => done(JSON.stringify(r.violations.map(v => v.id))));");
        assertThat(probe).contains("button-name");
    }

    /**
     * The changes section is the run history's (another part of issue 6): {@code <section id="changes">}
     * with a row {@code <tr data-change="PATHWAY_CHANGED">} per person whose pathway changed overnight.
     */
    @Test
    void shouldListThePersonWhosePathwayChangedInTheChangesSection() {
        List<WebElement> changes = browser.findElements(By.id("changes"));
        assertThat(changes).as("the changes section").hasSize(1);

        List<WebElement> rows = changes.get(0).findElements(By.cssSelector("tr[data-change='PATHWAY_CHANGED']"));
        assertThat(rows).anySatisfy(row -> assertThat(row.getText())
                .contains(CHANGED_PERSON, "DISTANT_METASTASIS", "LOCAL_RECURRENCE"));
        // and the trend draws both nights, from the same history
        assertThat(browser.findElements(By.cssSelector("#trend tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("trend-svg-title")).getAttribute("textContent")).contains("last 2 runs");
    }

    /**
     * Prints the page as it is open to PDF and returns its number of pages. Through the DevTools command, not
     * WebDriver's print: chromedriver gives its print a fixed 10-second wait for the renderer, which a loaded 2-core
     * CI machine overran once on this page; the DevTools command waits as long as the renderer takes. A timeout is
     * still tried again twice, since it says nothing about the page.
     */
    private int print(Path paper) throws Exception {
        byte[] bytes = null;
        for (int attempt = 1; bytes == null; attempt++) {
            try {
                Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF", Map.of());
                bytes = Base64.getDecoder().decode((String) pdf.get("data"));
            } catch (org.openqa.selenium.TimeoutException slow) {
                if (attempt == 3) {
                    throw slow;
                }
            }
        }
        Files.write(paper, bytes);
        assertThat(bytes).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        Matcher page = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (page.find()) {
            pages++;
        }
        return pages;
    }

    private void screenshot(String name) throws Exception {
        Path file = SCREENSHOTS.resolve(name);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(file)).as(name).isGreaterThan(10_000);
    }

    /**
     * The form's reset button: the page re-applies the cleared filters after the reset event (a timeout of 0), so
     * wait until that ran, that is until every row of the list shows again (a reset clears every filter).
     */
    private void resetToday() {
        browser.findElement(By.cssSelector("form[data-table='today-table'] button[type='reset']")).click();
        int rows = browser.findElements(By.cssSelector("#today-table tbody tr")).size();
        // the wait ends as soon as the rows show; its limit only has to outlast a loaded CI machine
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> visibleToday("data-id").size() == rows);
    }

    /** The given attribute of each row of today's list the browser lays out, in page order (one call, not one per row). */
    private List<String> visibleToday(String attribute) {
        return visible("#today-table tbody tr", "row.getAttribute('" + attribute + "')");
    }

    @SuppressWarnings("unchecked")
    private List<String> visible(String rows, String valueOfRow) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".filter(row => row.getClientRects().length > 0).map(row => " + valueOfRow + ")", rows);
    }

    private void publish(Path input, Path output, LocalDate runDate, String language) throws Exception {
        RunRequest request = new RunRequest(input.toAbsolutePath(), output.toAbsolutePath(), runDate, 0.10, List.of(),
                false, SAMPLE.resolve("trials").toAbsolutePath(), SAMPLE.resolve("trial-criteria.json").toAbsolutePath(),
                language);
        var execution = jobOperatorTestUtils.startJob(TestRuns.parameters(request));
        assertThat(execution.getStatus()).as("run %s", runDate).isEqualTo(BatchStatus.COMPLETED);
    }

    private static Path copyOfSample(Path folder) throws Exception {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }
}
