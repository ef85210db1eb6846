package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.PublishedOutputs;
import ca.trialpath.cli.CommandConsole.Console;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command as cron calls it: {@code new TrialPathCommand(out, err).run(args)}, each call starting its
 * own Spring context on a job repository in a temporary folder, and the exit status of outputs.md.
 */
class CommandLineTests {

    private static final Path SAMPLE = CommandConsole.SAMPLE;
    private static final String DATE = CommandConsole.DATE;

    @TempDir
    private Path temp;

    private Path output;
    private Path repository;
    private Console last;

    @BeforeEach
    void setUp() {
        output = temp.resolve("reports");
        repository = temp.resolve("repository/db");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            inptu=sample-data                        | unknown parameter 'inptu'
            runDate=2026-11-31                       | runDate '2026-11-31' is not a date YYYY-MM-DD
            runDate=27/11/2026                       | runDate '27/11/2026' is not a date YYYY-MM-DD
            maxRejectRate=ten                        | maxRejectRate 'ten' is not a number from 0 to 1
            maxRejectRate=1.5                        | maxRejectRate '1.5' is not a number from 0 to 1
            maxRejectRate=NaN                        | maxRejectRate 'NaN' is not a number from 0 to 1
            sample-data                              | unexpected argument 'sample-data'
            trialCriteria=sample-data/trial-criteria.json | trialCriteria=PATH needs trials=PATH
            trials=                                  | parameter trials is empty
            screening=sample-data/screening/screening-log.csv | screening=PATH needs trials=PATH
            screening=                               | parameter screening is empty
            deidentify=yes                           | deidentify 'yes' is not true or false
            lang=de                                  | lang 'de' is not one of en, fr
            lang=FR                                  | lang 'FR' is not one of en, fr
            lang=                                    | lang '' is not one of en, fr
            """)
    void shouldExitWithUsageBeforeSpringStartsForAWrongParameter(String wrong, String message) {
        // given
        List<String> args = new ArrayList<>(List.of("input=sample-data", "output=" + output, "runDate=" + DATE));
        if (wrong.startsWith("inptu") || !wrong.contains("=")) {
            args.add(wrong);
        } else {
            args.removeIf(a -> a.startsWith(wrong.substring(0, wrong.indexOf('=') + 1)));
            args.add(wrong);
        }

        // when
        int status = run(args.toArray(String[]::new));

        // then
        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(last.errLines()).hasSize(1);
        assertThat(last.errLines().get(0)).startsWith("trialpath: ").contains(message).contains("(usage: ");
        assertThat(repository.getParent()).as("Spring (and its job repository) never started").doesNotExist();
        assertThat(output).doesNotExist();
    }

    @Test
    void shouldExitWithUsageWhenTheInputParameterIsMissing() {
        // when
        int status = run("output=" + output, "runDate=" + DATE);

        // then
        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(last.errLines()).singleElement().asString().startsWith(
                "trialpath: missing parameter input=PATH (a cohort CSV file or a folder of them)");
        assertThat(repository.getParent()).doesNotExist();
    }

    @Test
    void shouldExitWithUsageWhenTheInputDoesNotExist() {
        // given
        Path missing = temp.resolve("no-such-cohort");

        // when
        int status = run("input=" + missing, "output=" + output, "runDate=" + DATE);

        // then
        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(last.errLines()).containsExactly("trialpath: input " + missing + " does not exist");
        assertThat(output.resolve(DATE)).doesNotExist();
        assertThat(repository.getParent()).as("Spring (and its job repository) never started").doesNotExist();
    }

    @Test
    void shouldExitWithUsageWhenTheInputFolderHoldsNoCsvFile() throws Exception {
        // given
        Path input = Files.createDirectories(temp.resolve("exports"));
        Files.writeString(input.resolve("cohort.txt"), "patient_id,primary_site\nP1,C21.1\n");

        // when
        int status = run("input=" + input, "output=" + output, "runDate=" + DATE);

        // then
        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(last.errLines()).containsExactly("trialpath: input folder " + input + " holds no *.csv, *.xml or *.xml.gz file");
        assertThat(output.resolve(DATE)).doesNotExist();
        assertThat(repository.getParent()).as("Spring (and its job repository) never started").doesNotExist();
    }

    @Test
    void shouldExitWithUsageForAScreeningLogThatIsMissingOrGivenToADeidentifiedRun() {
        // when
        int missingStatus = run("input=sample-data", "output=" + output, "runDate=" + DATE,
                "trials=sample-data/trials", "screening=" + temp.resolve("no-such-log.csv"));
        List<String> missingMessage = last.errLines();
        int deidentifiedStatus = run("input=sample-data", "output=" + output, "runDate=" + DATE,
                "trials=sample-data/trials", "screening=sample-data/screening/screening-log.csv", "deidentify=true");

        // then
        assertThat(missingStatus).isEqualTo(RunLauncher.USAGE);
        assertThat(missingMessage).containsExactly("trialpath: screening " + temp.resolve("no-such-log.csv")
                .toAbsolutePath().normalize() + " is not a readable file");
        assertThat(deidentifiedStatus).isEqualTo(RunLauncher.USAGE);
        assertThat(last.errLines().get(0)).contains("screening=PATH cannot be given with deidentify=true");
        assertThat(repository.getParent()).as("Spring (and its job repository) never started").doesNotExist();
    }

    @Test
    void shouldExitWithUsageWhenTheTrialCatalogueOrCriteriaAreMissing() throws Exception {
        // given
        Path missing = temp.resolve("no-such-catalogue");
        Path empty = Files.createDirectories(temp.resolve("empty-catalogue"));

        // when
        int missingStatus = run("input=sample-data", "output=" + output, "runDate=" + DATE, "trials=" + missing);
        String missingMessage = last.errLines().get(0);
        int emptyStatus = run("input=sample-data", "output=" + output, "runDate=" + DATE, "trials=" + empty);
        String emptyMessage = last.errLines().get(0);
        int criteriaStatus = run("input=sample-data", "output=" + output, "runDate=" + DATE,
                "trials=sample-data/trials", "trialCriteria=" + missing);

        // then
        assertThat(missingStatus).isEqualTo(RunLauncher.USAGE);
        assertThat(missingMessage).isEqualTo("trialpath: trials " + missing + " does not exist");
        assertThat(emptyStatus).isEqualTo(RunLauncher.USAGE);
        assertThat(emptyMessage).isEqualTo("trialpath: trials folder " + empty + " holds no *.json file");
        assertThat(criteriaStatus).isEqualTo(RunLauncher.USAGE);
        assertThat(last.errLines()).containsExactly("trialpath: trialCriteria " + missing + " is not a readable file");
        assertThat(repository.getParent()).as("Spring (and its job repository) never started").doesNotExist();
    }

    @Test
    void shouldPublishAGoodRunAndThenDeclineTheSameRun() throws Exception {
        // given
        String[] args = {"input=" + SAMPLE, "output=" + output, "runDate=" + DATE};

        // when
        int first = run(args);

        // then
        assertThat(first).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(last.out()).contains("trialpath: published " + output.resolve(DATE));
        try (var files = Files.list(output.resolve(DATE))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(PublishedOutputs.FILES);
        }
        if (usesH2File()) {
            assertThat(Path.of(repository + ".mv.db")).as("the job repository of --trialpath.repository.path").exists();
        }
        Path before = temp.resolve("before");
        PublishedOutputs.copyFolder(output.resolve(DATE), before);

        // when
        int second = run(args);

        // then
        assertThat(second).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(last.out()).contains("already published");
        assertThat(last.err()).isEmpty();
        PublishedOutputs.assertSameFolder(output.resolve(DATE), before);
        assertThat(output.resolve(DATE + ".replaced")).doesNotExist();
        assertThat(PublishedOutputs.json(output.resolve(DATE).resolve("summary.json")).get("replaces").isNull()).isTrue();
    }

    @Test
    void shouldDeclineAPublishedNightEvenWithANewJobRepository() throws Exception {
        // given: a night published with one job repository
        String[] args = {"input=" + SAMPLE, "output=" + output, "runDate=" + DATE};
        assertThat(run(args)).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path before = temp.resolve("before");
        PublishedOutputs.copyFolder(output.resolve(DATE), before);

        // when: the same command with a new, empty repository (moved to another database, or lost)
        repository = temp.resolve("new-repository/db");
        int status = run(args);

        // then: the folder's own summary says it holds these files
        assertThat(status).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(last.out()).contains("already published");
        PublishedOutputs.assertSameFolder(output.resolve(DATE), before);
        assertThat(output.resolve(DATE + ".replaced")).doesNotExist();
    }

    @Test
    void shouldWriteTheReportInFrenchAndTakeTheLanguageAsNoPartOfTheRunsIdentity() throws Exception {
        // given
        String[] french = {"input=" + SAMPLE, "output=" + output, "runDate=" + DATE, "lang=fr"};

        // when
        int first = run(french);

        // then
        assertThat(first).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        String html = Files.readString(output.resolve(DATE).resolve("report.html"));
        assertThat(html).contains("<html lang=\"fr\">", "Aujourd’hui : qui présélectionner, pour quel essai, et pourquoi")
                .doesNotContain("Today: who to screen");
        assertThat(Files.readString(output.resolve(DATE).resolve("assessments.csv")))
                .as("the CSV codes stay as they are").contains("DISTANT_METASTASIS", "HIGH").doesNotContain("HAUTE");

        // when: the same inputs with the English default are the same run, already published
        int second = run("input=" + SAMPLE, "output=" + output, "runDate=" + DATE);

        // then
        assertThat(second).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(last.out()).contains("already published");
        assertThat(Files.readString(output.resolve(DATE).resolve("report.html"))).isEqualTo(html);
    }

    @Test
    void shouldPublishAgainWhenThePublishedFolderWasDeleted() throws Exception {
        // given: a published run whose folder an operator deleted
        String[] args = {"input=" + SAMPLE, "output=" + output, "runDate=" + DATE};
        assertThat(run(args)).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path before = temp.resolve("before");
        PublishedOutputs.copyFolder(output.resolve(DATE), before);
        try (var paths = Files.walk(output.resolve(DATE))) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }

        // when
        int status = run(args);

        // then: the same run is published again, not declined as "already published"
        assertThat(status).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(last.out()).contains("trialpath: published").doesNotContain("already published");
        for (String file : PublishedOutputs.EXACT_FILES) {
            PublishedOutputs.assertSameContent(output.resolve(DATE).resolve(file), before.resolve(file));
        }
        PublishedOutputs.assertSameSummary(output.resolve(DATE).resolve("summary.json"), before.resolve("summary.json"));

        // and a third run declines again
        assertThat(run(args)).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(last.out()).contains("already published");
    }

    @Test
    void shouldReplaceTheFolderWhenAnInputFileChangedAndKeepTheOldOne() throws Exception {
        // given
        Path input = temp.resolve("input");
        PublishedOutputs.copyFolder(SAMPLE, input);
        String[] args = {"input=" + input, "output=" + output, "runDate=" + DATE};
        assertThat(run(args)).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path before = temp.resolve("before");
        PublishedOutputs.copyFolder(output.resolve(DATE), before);
        // a corrected export: the empty primary_site of TP-26-0110 (a MISSING_REQUIRED reject) is filled in
        Path fileA = input.resolve("cohort-2026-11-a.csv");
        String corrected = Files.readString(fileA).replaceFirst("(?m)^TP-26-0110,([^,]*,[^,]*,[^,]*),,", "TP-26-0110,$1,C21.1,");
        assertThat(corrected).isNotEqualTo(Files.readString(fileA));
        Files.writeString(fileA, corrected);

        // when
        int status = run(args);

        // then
        assertThat(status).as(last.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(last.out()).contains("trialpath: published");
        var summary = PublishedOutputs.json(output.resolve(DATE).resolve("summary.json"));
        assertThat(summary.get("assessed").asLong()).isEqualTo(215);
        assertThat(summary.get("rejected").asLong()).isEqualTo(5);
        // the replaced folder is kept beside the date's, named for when and by which execution it was replaced
        List<String> replaced = PublishedOutputs.tree(output.resolve(DATE + ".replaced")).stream()
                .filter(name -> !name.contains("/")).toList();
        assertThat(replaced).hasSize(1);
        assertThat(replaced.get(0)).matches("\\d{8}T\\d{6}-by-execution-" + summary.get("job_execution_id").asLong());
        PublishedOutputs.assertSameFolder(output.resolve(DATE + ".replaced").resolve(replaced.get(0)), before);
        try (var top = Files.list(output)) {
            assertThat(top.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(DATE, DATE + ".replaced", ".trialpath");
        }
        // and the new summary says which run it replaced
        var old = PublishedOutputs.json(before.resolve("summary.json"));
        var replaces = summary.get("replaces");
        assertThat(replaces.get("kept_as").asString()).isEqualTo(DATE + ".replaced/" + replaced.get(0));
        assertThat(replaces.get("job_execution_id").asLong()).isEqualTo(old.get("job_execution_id").asLong());
        assertThat(replaces.get("job_instance_id").asLong()).isEqualTo(old.get("job_instance_id").asLong());
        assertThat(replaces.get("input_fingerprint").asString()).isEqualTo(old.get("input_fingerprint").asString())
                .isNotEqualTo(summary.get("input_fingerprint").asString());
        assertThat(replaces.get("end_time").asString()).isEqualTo(old.get("end_time").asString());

        // and the corrected export, run again, changes nothing
        assertThat(run(args)).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(last.out()).contains("already published");
        assertThat(PublishedOutputs.tree(output.resolve(DATE + ".replaced")).stream()
                .filter(name -> !name.contains("/"))).hasSize(1);
    }

    @Test
    void shouldFailAndPublishNothingWhenTooManyRowsAreRejected() throws Exception {
        // given: 6 of the 220 sample rows are rejects, 2.7%
        Path previousNight = Files.createDirectories(output.resolve("2026-11-26"));
        Files.writeString(previousNight.resolve("summary.json"), "{}");

        // when
        int status = run("input=" + SAMPLE, "output=" + output, "runDate=" + DATE, "maxRejectRate=0.01");

        // then
        assertThat(status).isEqualTo(RunLauncher.FAILED);
        assertThat(last.err()).contains("nothing published", "6 of 220 rows rejected", "maxRejectRate 0.01");
        // and the rows that broke it, on standard error too (cron mails it), not only in the log
        List<String> lines = last.errLines();
        assertThat(lines.get(0)).endsWith("First rejected rows:");
        assertThat(lines.subList(1, lines.size() - 1)).hasSize(6)
                .allSatisfy(line -> assertThat(line).startsWith("  cohort-2026-11-").contains(".csv line "));
        assertThat(lines.get(lines.size() - 1)).startsWith("All of them: ").endsWith("rejects.csv");
        assertThat(output.resolve(DATE)).doesNotExist();
        assertThat(previousNight.resolve("summary.json")).hasContent("{}");
    }

    @Test
    void shouldFailWithoutRunningWhenAnotherProcessHoldsTheLock() throws Exception {
        // given
        Path lockFile = Files.createDirectories(output.resolve(".trialpath")).resolve("run.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            assertThat(held).isNotNull();

            // when
            int status = run("input=" + SAMPLE, "output=" + output, "runDate=" + DATE);

            // then
            assertThat(status).isEqualTo(RunLauncher.FAILED);
            assertThat(last.errLines()).singleElement().asString()
                    .startsWith("trialpath: a run is in progress for " + output.toAbsolutePath() + " ")
                    .endsWith("this one did not start and changed nothing");
            assertThat(repository.getParent()).as("refused before Spring and its job repository started").doesNotExist();
            assertThat(output.resolve(DATE)).doesNotExist();
            assertThat(output.resolve(".trialpath/staging")).doesNotExist();
        }
        // and once the other process is gone, the run goes ahead
        assertThat(run("input=" + SAMPLE, "output=" + output, "runDate=" + DATE)).as(last.err())
                .isEqualTo(RunLauncher.PUBLISHED);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--trialpath.repository.path=" + repository);
        all.addAll(databaseArguments());
        all.addAll(CommandConsole.QUIET);
        last = CommandConsole.command(all);
        return last.status();
    }

    List<String> databaseArguments() {
        return List.of();
    }

    boolean usesH2File() {
        return true;
    }
}
