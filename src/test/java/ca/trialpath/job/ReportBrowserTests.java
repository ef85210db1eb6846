package ca.trialpath.job;

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
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
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
import org.openqa.selenium.Pdf;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The published {@code report.html} opened from disk in a real browser, as a coordinator opens it: Debian's
 * headless Chromium driven by Selenium through Debian's chromedriver ({@code .ci/run} installs both; Selenium
 * Manager is never asked to download anything). Two nights of the real job are published first; between
 * them one person's pathway changes (TP-26-0002: distant metastasis the first night, local recurrence the
 * second). The screenshots land in {@code target/browser/}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:report-browser-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=WARN" })
@SpringBatchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final LocalDate FIRST_NIGHT = LocalDate.of(2026, 11, 27);
    private static final LocalDate SECOND_NIGHT = LocalDate.of(2026, 11, 28);
    private static final String CHANGED_PERSON = "TP-26-0002";

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    private Path work;
    private Path report;
    private Path frenchReport;
    private ChromeDriver browser;

    @BeforeAll
    void publishTwoNightsAndStartTheBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver; .ci/run does)").isExecutable();
        work = Files.createTempDirectory("report-browser-tests");
        Path output = work.resolve("reports");

        // the first night: the sample cohort, with TP-26-0002 recorded as come back in the liver
        Path firstInput = copyOfSample(work.resolve("first"));
        Path fileA = firstInput.resolve("cohort-2026-11-a.csv");
        String cohort = Files.readString(fileA, StandardCharsets.UTF_8);
        String before = CHANGED_PERSON + ",1967-02-27,F,ON,C21.1,8070/3,2024-07-19,10,anal_canal,surgery,yes,,1,wants_treatment";
        assertThat(cohort).contains(before);
        Files.writeString(fileA, cohort.replace(before, before.replace(",anal_canal,", ",liver,")), StandardCharsets.UTF_8);
        publish(firstInput, output, FIRST_NIGHT);

        // the second night: the sample cohort as it is, where TP-26-0002 came back in the anal canal
        publish(copyOfSample(work.resolve("second")), output, SECOND_NIGHT);
        report = output.resolve(SECOND_NIGHT.toString()).resolve("report.html");
        assertThat(report).isRegularFile();

        // the same night in French, published to a folder of its own
        Path frenchOutput = work.resolve("rapports");
        RunRequest french = new RunRequest(copyOfSample(work.resolve("french")).toAbsolutePath(), frenchOutput.toAbsolutePath(),
                SECOND_NIGHT, 0.10, List.of(), false, null, null, "fr");
        assertThat(jobOperatorTestUtils.startJob(TestRuns.parameters(french)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        frenchReport = frenchOutput.resolve(SECOND_NIGHT.toString()).resolve("report.html");

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
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
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
        assertThat(browser.findElement(By.cssSelector("form.controls[data-table='worklist-table']")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("svg.chart[role='img']"))).hasSizeGreaterThanOrEqualTo(4);

        Path top = SCREENSHOTS.resolve("report.png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), top, StandardCopyOption.REPLACE_EXISTING);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('worklist').scrollIntoView()");
        Path worklist = SCREENSHOTS.resolve("report-worklist.png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), worklist, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(top)).isGreaterThan(10_000);
        assertThat(Files.size(worklist)).isGreaterThan(10_000);
    }

    @Test
    void shouldWorkTheSameInFrench() throws Exception {
        // when
        browser.get(frenchReport.toUri().toString());
        new Select(browser.findElement(By.id("worklist-table-priority"))).selectByValue("ROUTINE");

        // then
        assertThat(browser.getTitle()).isEqualTo("Rapport TrialPath " + SECOND_NIGHT);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).isEmpty();
        assertThat(visibleWorklist("data-priority")).hasSize(92).containsOnly("ROUTINE");
        assertThat(browser.findElement(By.cssSelector("form[data-table='worklist-table'] .shown")).getText())
                .isEqualTo("92 lignes affichées sur 187");
        assertThat(browser.findElement(By.id("worklist-h")).getText()).isEqualTo("Liste de travail : discussion d’essai clinique");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("report-fr.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldShowTheWorklistHighFirst() {
        // when
        List<String> priorities = visibleWorklist("data-priority");

        // then
        assertThat(priorities).hasSize(95 + 92).startsWith("HIGH");
        assertThat(priorities.lastIndexOf("HIGH")).isLessThan(priorities.indexOf("ROUTINE"));
        assertThat(browser.findElement(By.cssSelector("#worklist-table tbody tr td")).getText()).isEqualTo("HIGH");
    }

    @Test
    void shouldNarrowTheRowsWithAFilterAndTheIdSearch() {
        // when
        new Select(browser.findElement(By.id("worklist-table-priority"))).selectByValue("ROUTINE");

        // then
        assertThat(visibleWorklist("data-priority")).hasSize(92).containsOnly("ROUTINE");
        assertThat(browser.findElement(By.cssSelector("form[data-table='worklist-table'] .shown")).getText())
                .isEqualTo("92 of 187 rows shown");

        // when
        new Select(browser.findElement(By.id("worklist-table-priority"))).selectByValue("");
        browser.findElement(By.id("worklist-table-id")).sendKeys(CHANGED_PERSON);

        // then
        assertThat(visibleWorklist("data-id")).containsExactly(CHANGED_PERSON);

        // when
        browser.findElement(By.cssSelector("form[data-table='worklist-table'] button[type='reset']")).click();

        // then
        assertThat(visibleWorklist("data-id")).hasSize(187);
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
    void shouldPrintACleanWorklist() throws Exception {
        // when
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            // then: on paper, no navigation, filters or charts; the worklist and its rows
            assertThat(browser.findElement(By.cssSelector("nav.skip")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("form.controls[data-table='worklist-table']")).isDisplayed()).isFalse();
            assertThat(browser.findElements(By.cssSelector("svg.chart"))).allSatisfy(svg -> assertThat(svg.isDisplayed()).isFalse());
            assertThat(visibleWorklist("data-id")).hasSize(187);
            ((JavascriptExecutor) browser).executeScript("document.getElementById('worklist').scrollIntoView()");
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("report-print.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            PrintOptions firstPages = new PrintOptions();
            firstPages.setPageRanges("1-8");
            Pdf pdf = browser.print(firstPages);
            Path paper = SCREENSHOTS.resolve("report.pdf");
            Files.write(paper, Base64.getDecoder().decode(pdf.getContent()));
            assertThat(Files.readAllBytes(paper)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void shouldSortByAColumnWhenItsHeadingIsSelected() {
        // when
        WebElement age = browser.findElement(By.cssSelector("#worklist-table thead th:nth-child(6)"));
        age.findElement(By.cssSelector("button.sort")).click();

        // then
        assertThat(age.getAttribute("aria-sort")).isEqualTo("ascending");
        List<Integer> ages = visible("#worklist-table tbody tr", "row.cells[5].textContent.trim()").stream()
                .filter(text -> text.matches("\\d+")).map(Integer::valueOf).toList();
        assertThat(ages).hasSizeGreaterThan(100).isSorted();
    }

    /**
     * The changes section is the run history's (another part of issue 6): {@code <section id="changes">}
     * with a row {@code <tr data-change="PATHWAY_CHANGED">} per person whose pathway changed overnight.
     * (Written before that section existed, when it was skipped; it runs since the history is in.)
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

    /** The given attribute of each worklist row the browser lays out, in page order (one call, not one per row). */
    private List<String> visibleWorklist(String attribute) {
        return visible("#worklist-table tbody tr", "row.getAttribute('" + attribute + "')");
    }

    @SuppressWarnings("unchecked")
    private List<String> visible(String rows, String valueOfRow) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".filter(row => row.getClientRects().length > 0).map(row => " + valueOfRow + ")", rows);
    }

    private void publish(Path input, Path output, LocalDate runDate) throws Exception {
        var execution = jobOperatorTestUtils.startJob(TestRuns.parameters(input, output, runDate, 0.10));
        assertThat(execution.getStatus()).as("run %s", runDate).isEqualTo(BatchStatus.COMPLETED);
    }

    private static Path copyOfSample(Path folder) throws Exception {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }
}
