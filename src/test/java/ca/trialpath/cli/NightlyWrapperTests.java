package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/trialpath-nightly.sh with a stand-in for java that records its arguments and exits as told: the optional
 * catalogue download before the night, the night on the last good catalogue when the download fails (exit 3),
 * the settings file, and the advice after each kind of failure.
 */
class NightlyWrapperTests {

    private static final Path WRAPPER = Path.of("jobs/trialpath-nightly.sh").toAbsolutePath();

    @TempDir
    private Path temp;

    private Path calls;
    private Path fakeJava;
    private String err = "";

    @BeforeEach
    void setUp() throws IOException {
        calls = temp.resolve("calls");
        // exits with $FETCH_EXIT for fetch-trials and $RUN_EXIT for the night; prints $RUN_ERR on standard error
        fakeJava = Files.writeString(temp.resolve("java"), """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                case " $* " in *" fetch-trials "*) exit "${FETCH_EXIT:-0}" ;; esac
                if [ -n "${RUN_ERR:-}" ]; then echo "$RUN_ERR" >&2; fi
                exit "${RUN_EXIT:-0}"
                """.formatted(calls));
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void shouldRunTheNightWithoutDownloadingWhenNoCatalogueFolderIsConfigured() throws Exception {
        int status = wrapper(Map.of());

        assertThat(status).isZero();
        assertThat(calls()).singleElement().asString().contains("input=/in").contains("output=/out")
                .contains("lockWait=4h").doesNotContain("fetch-trials").doesNotContain("trials=");
    }

    @Test
    void shouldDownloadTheCatalogueFirstAndMatchOnItsCurrentFolder() throws Exception {
        Path catalogue = Files.createDirectories(temp.resolve("trials"));

        int status = wrapper(Map.of("TRIALPATH_CATALOGUE", catalogue.toString()));

        assertThat(status).isZero();
        assertThat(calls()).hasSize(2);
        assertThat(calls().get(0)).endsWith("fetch-trials catalogue=" + catalogue);
        assertThat(calls().get(1)).contains("trials=" + catalogue + "/current");
    }

    @Test
    void shouldRunOnTheLastGoodCatalogueAndExitThreeWhenTheDownloadFails() throws Exception {
        Path catalogue = Files.createDirectories(temp.resolve("trials/current")).getParent();

        int status = wrapper(Map.of("TRIALPATH_CATALOGUE", catalogue.toString(), "FETCH_EXIT", "1"));

        assertThat(status).isEqualTo(3);
        assertThat(calls().get(1)).contains("trials=" + catalogue + "/current");
        assertThat(err).contains("download failed").contains("running on the last good catalogue")
                .contains("PUBLISHED on the last good trial catalogue");
    }

    @Test
    void shouldRunNothingWhenTheDownloadFailsAndThereIsNoGoodCatalogueYet() throws Exception {
        Path catalogue = Files.createDirectories(temp.resolve("trials"));

        int status = wrapper(Map.of("TRIALPATH_CATALOGUE", catalogue.toString(), "FETCH_EXIT", "1"));

        assertThat(status).isEqualTo(1);
        assertThat(calls()).hasSize(1);
        assertThat(err).contains("holds no good catalogue yet: nothing ran");
    }

    @Test
    void shouldPassTheNightsFailureOnWhenTheDownloadWorkedButTheNightFailed() throws Exception {
        Path catalogue = Files.createDirectories(temp.resolve("trials"));

        int status = wrapper(Map.of("TRIALPATH_CATALOGUE", catalogue.toString(), "RUN_EXIT", "1"));

        assertThat(status).isEqualTo(1);
        assertThat(err).contains("FAILED with exit status 1").contains("resumes where the run stopped");
    }

    @Test
    void shouldNotPromiseAResumeWhenTheRunDidNotStart() throws Exception {
        int status = wrapper(Map.of("RUN_EXIT", "1", "RUN_ERR",
                "trialpath: cannot connect to the job repository database at jdbc:postgresql://db/x (Connection"
                        + " refused): start it" + StartFailure.DID_NOT_START));

        assertThat(status).isEqualTo(1);
        assertThat(err).contains("did not start (exit status 1): nothing was published").doesNotContain("resumes");
    }

    @Test
    void shouldSayAnotherRunIsStillGoingWhenTheLockWaitRanOut() throws Exception {
        int status = wrapper(Map.of("RUN_EXIT", "1", "RUN_ERR", RunLock.refusal(Path.of("/out"))));

        assertThat(status).isEqualTo(1);
        assertThat(err).contains("another run of /out was still going after waiting 4h").doesNotContain("resumes");
    }

    @Test
    void shouldCallAConfigurationErrorAWrongCall() throws Exception {
        int status = wrapper(Map.of("RUN_EXIT", "2", "RUN_ERR", "trialpath: configuration file /etc/x does not exist"));

        assertThat(status).isEqualTo(2);
        assertThat(err).contains("called wrongly (exit status 2): nothing ran");
    }

    @Test
    void shouldTakeDefaultsFromTheSettingsFileAndLetTheEnvironmentWin() throws Exception {
        Path settings = Files.writeString(temp.resolve("trialpath.env"),
                "# comment\nTRIALPATH_INPUT=/from-file\nTRIALPATH_LANG=fr\nTRIALPATH_LOCK_WAIT=30m\n");

        int status = wrapper(Map.of("TRIALPATH_ENV", settings.toString(), "TRIALPATH_LANG", "en"), false);

        assertThat(status).isZero();
        assertThat(calls()).singleElement().asString().contains("input=/from-file").contains("lang=en")
                .contains("lockWait=30m");
    }

    @Test
    void shouldRunTheNightForTheRunDateGivenInTheEnvironment() throws Exception {
        int status = wrapper(Map.of("TRIALPATH_RUN_DATE", "2026-11-27"));

        assertThat(status).isZero();
        assertThat(calls()).singleElement().asString().contains("runDate=2026-11-27");
    }

    @Test
    void shouldIgnoreARunDateInTheSettingsFileOrUnderSystemd() throws Exception {
        Path settings = Files.writeString(temp.resolve("trialpath.env"), "TRIALPATH_RUN_DATE=2026-11-27\n");
        String today = "runDate=" + java.time.LocalDate.now();

        int fromFile = wrapper(Map.of("TRIALPATH_ENV", settings.toString()));
        String fileErr = err;
        int underSystemd = wrapper(Map.of("TRIALPATH_RUN_DATE", "2026-11-27", "INVOCATION_ID", "0123456789abcdef"));

        assertThat(fromFile).isZero();
        assertThat(underSystemd).isZero();
        assertThat(fileErr).contains("ignored TRIALPATH_RUN_DATE in " + settings);
        assertThat(err).contains("ignored TRIALPATH_RUN_DATE under systemd");
        assertThat(calls()).hasSize(2).allSatisfy(call -> assertThat(call).contains(today)
                .doesNotContain("2026-11-27"));
    }

    @Test
    void shouldStartTheExtractedJarWithItsArchiveWhileItIsTheInstalledJars() throws Exception {
        Path jar = installedJar("trialpath.jar");
        Path app = jar.resolveSibling("app");
        Files.writeString(app.resolve("trialpath.jar.source"), stamp(jar) + "\n");

        int status = wrapper(Map.of("TRIALPATH_JAR", jar.toString(), "TRIALPATH_CATALOGUE",
                Files.createDirectories(temp.resolve("trials")).toString()));

        assertThat(status).isZero();
        assertThat(calls()).hasSize(2).allSatisfy(call -> assertThat(call).startsWith("-XX:SharedArchiveFile="
                + app.resolve("trialpath.jsa") + " -Xshare:auto -jar " + app.resolve("trialpath.jar") + " "));
    }

    @Test
    void shouldStartTheJarAsItIsWhenTheExtractedOneIsAnotherJars() throws Exception {
        Path jar = installedJar("trialpath.jar");
        // a jar copied back by hand (a rollback): its time is no longer the one the extracted jar was made from
        Files.writeString(jar.resolveSibling("app").resolve("trialpath.jar.source"), "1 1\n");

        int status = wrapper(Map.of("TRIALPATH_JAR", jar.toString()));

        assertThat(status).isZero();
        assertThat(calls()).singleElement().asString().startsWith("-jar " + jar + " ")
                .doesNotContain("SharedArchiveFile");
    }

    /** An installed jar with its extracted form and archive beside it, as install.sh leaves them. */
    private Path installedJar(String name) throws IOException {
        Path opt = Files.createDirectories(temp.resolve("opt"));
        Path app = Files.createDirectories(opt.resolve("app"));
        Files.writeString(app.resolve("trialpath.jar"), "extracted");
        Files.writeString(app.resolve("trialpath.jsa"), "archive");
        return Files.writeString(opt.resolve(name), "the jar");
    }

    /** What install.sh writes to app/trialpath.jar.source: stat -c '%s %Y' of the jar. */
    private static String stamp(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS);
    }

    @Test
    void shouldGiveTheCoordinatorsScreeningLogToTheNightWhenItIsThere() throws Exception {
        Path log = Files.writeString(temp.resolve("screening-log.csv"), "patient_id,nct_id,status,status_date\n");

        int status = wrapper(Map.of("TRIALPATH_TRIALS", "/trials", "TRIALPATH_SCREENING", log.toString()));

        assertThat(status).isZero();
        assertThat(calls()).singleElement().asString().contains("trials=/trials").contains("screening=" + log);
    }

    @Test
    void shouldRunTheNightOnTheKeptStatusesWhenTheScreeningLogIsNotThereYet() throws Exception {
        Path missing = temp.resolve("not-yet.csv");

        int status = wrapper(Map.of("TRIALPATH_TRIALS", "/trials", "TRIALPATH_SCREENING", missing.toString()));

        assertThat(status).isZero();
        assertThat(calls()).singleElement().asString().doesNotContain("screening=");
        assertThat(err).contains("TRIALPATH_SCREENING names " + missing).contains("not there");
    }

    @Test
    void shouldLogToTheJournalOnlyUnderSystemd() throws Exception {
        wrapper(Map.of("INVOCATION_ID", "0123456789abcdef"));

        assertThat(calls()).singleElement().asString().contains("--logging.file.name=");
    }

    private int wrapper(Map<String, String> env) throws Exception {
        return wrapper(env, true);
    }

    private int wrapper(Map<String, String> env, boolean inputFromEnvironment) throws Exception {
        ProcessBuilder process = new ProcessBuilder("bash", WRAPPER.toString());
        Map<String, String> environment = process.environment();
        environment.keySet().removeIf(name -> name.startsWith("TRIALPATH_") || name.equals("INVOCATION_ID"));
        environment.put("TRIALPATH_ENV", temp.resolve("no-settings-file").toString());
        environment.put("TRIALPATH_JAVA", fakeJava.toString());
        environment.put("TRIALPATH_CONFIG", "/etc/nightly.properties");
        if (inputFromEnvironment) {
            environment.put("TRIALPATH_INPUT", "/in");
        }
        environment.put("TRIALPATH_OUTPUT", "/out");
        environment.putAll(env);
        process.redirectOutput(temp.resolve("stdout").toFile());
        process.redirectError(temp.resolve("stderr").toFile());
        Process running = process.start();
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        err = Files.readString(temp.resolve("stderr"), StandardCharsets.UTF_8);
        return running.exitValue();
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
