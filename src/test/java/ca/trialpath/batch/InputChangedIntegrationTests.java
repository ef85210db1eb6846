package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.run.Outcome;
import ca.trialpath.cli.RunLauncher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Issue 17, point 2: an input file changed while the run assesses it, in each way an export can change (a new
 * file renamed over it, rewritten in place at the same size, appended to, truncated), fails the run with "changed
 * since the run started" and publishes nothing, whether the file is being read when it changes (a.csv, read
 * first) or not yet opened (b.csv). A file only touched, its bytes the same, still publishes. The change is made
 * after the first chunk of the assessment is written. The same for a registry's NAACCR extract (issue 14).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:input-changed-tests;DB_CLOSE_DELAY=-1",
        "trialpath.chunk-size=20",
        "trialpath.threads=1",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
@Import(InputChangedIntegrationTests.ChangeConfiguration.class)
class InputChangedIntegrationTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final String A = "cohort-2026-11-a.csv";
    private static final String B = "cohort-2026-11-b.csv";

    @Autowired
    private RunLauncher runLauncher;

    @Autowired
    private ChangeAfterFirstChunk change;

    @TempDir
    private Path temp;

    private Path input;

    @BeforeEach
    void copySample() throws IOException {
        input = Files.createDirectories(temp.resolve("input"));
        Files.copy(SAMPLE.resolve(A), input.resolve(A));
        Files.copy(SAMPLE.resolve(B), input.resolve(B));
    }

    @AfterEach
    void disarm() {
        change.arm(null);
    }

    enum Change {
        RENAMED_OVER, IN_PLACE_SAME_SIZE, APPENDED, TRUNCATED
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void shouldFailAndPublishNothingWhenTheFileBeingReadChanges(Change how) throws Exception {
        assertChangeFailsTheRun(input.resolve(A), how);
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void shouldFailAndPublishNothingWhenAFileNotYetReadChanges(Change how) throws Exception {
        assertChangeFailsTheRun(input.resolve(B), how);
    }

    @Test
    void shouldPublishWhenAFileIsOnlyTouched() throws Exception {
        // given
        Path file = input.resolve(A);
        change.arm(() -> Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60))));

        // when
        TestRuns.Launch launch = launch();

        // then
        assertThat(change.fired()).isTrue();
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(temp.resolve("reports").resolve(TestRuns.SAMPLE_RUN_DATE.toString()).resolve("summary.json"))
                .exists();
    }

    /**
     * A registry's NAACCR extract is parsed once, by the index, into the run's staging: changed while the assessment
     * reads what the index kept of it, it fails the run all the same (the SHA-256 the launcher took is the run's,
     * and the file is no longer that file).
     */
    @ParameterizedTest
    @EnumSource(Change.class)
    void shouldFailAndPublishNothingWhenTheNaaccrExtractChanges(Change how) throws Exception {
        // given
        Path registry = Files.createDirectories(temp.resolve("registry"));
        Path extract = Files.copy(NaaccrRunIntegrationTests.EXTRACT, registry.resolve("registry-extract.xml"));
        Path supplement = Files.copy(NaaccrRunIntegrationTests.SUPPLEMENT, temp.resolve("supplement.csv"));
        arm(extract, how, "R0000", "R9999", "\n<!-- more -->\n");

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, NaaccrRunIntegrationTests.request(extract,
                temp.resolve("reports"), supplement, false));

        // then
        assertFailedAndNothingPublished(extract, launch);
    }

    @Test
    void shouldPublishWhenTheNaaccrExtractIsOnlyTouched() throws Exception {
        // given
        Path extract = Files.copy(NaaccrRunIntegrationTests.EXTRACT, temp.resolve("registry-extract.xml"));
        Path supplement = Files.copy(NaaccrRunIntegrationTests.SUPPLEMENT, temp.resolve("supplement.csv"));
        change.arm(() -> Files.setLastModifiedTime(extract, FileTime.from(Instant.now().plusSeconds(60))));

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, NaaccrRunIntegrationTests.request(extract,
                temp.resolve("reports"), supplement, false));

        // then
        assertThat(change.fired()).isTrue();
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
    }

    private void assertChangeFailsTheRun(Path file, Change how) throws Exception {
        // given: another export of the same size (other ids), or the file appended to or cut short
        arm(file, how, "TP-26-", "TP-27-",
                "TP-27-9999,1950-01-01,F,ON,C21.1,8070/3,2024-01-01,46,liver,chemoradiation,no,,1,\n");

        // when
        TestRuns.Launch launch = launch();

        // then
        assertFailedAndNothingPublished(file, launch);
    }

    private void assertFailedAndNothingPublished(Path file, TestRuns.Launch launch) {
        assertThat(change.fired()).as("changed during the run").isTrue();
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.FAILED);
        assertThat(launch.err()).contains(file.getFileName().toString(), "changed since the run started",
                "nothing published");
        assertThat(temp.resolve("reports").resolve(TestRuns.SAMPLE_RUN_DATE.toString())).doesNotExist();
    }

    /** Arms the change: the same size with {@code from} made {@code to}, or {@code appended}, or cut in half. */
    private void arm(Path file, Change how, String from, String to, String appended) throws IOException {
        byte[] original = Files.readAllBytes(file);
        byte[] other = new String(original, StandardCharsets.UTF_8).replace(from, to)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(other).hasSameSizeAs(original).isNotEqualTo(original);
        change.arm(() -> {
            switch (how) {
                case RENAMED_OVER -> {
                    Path next = file.resolveSibling(file.getFileName() + ".part");
                    Files.write(next, other);
                    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                case IN_PLACE_SAME_SIZE -> {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap(other), 0);
                    }
                }
                case APPENDED -> Files.writeString(file, appended, StandardOpenOption.APPEND);
                case TRUNCATED -> {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(original.length / 2);
                    }
                }
            }
        });
    }

    private TestRuns.Launch launch() throws Exception {
        return TestRuns.launch(runLauncher, TestRuns.request(input, temp.resolve("reports"), TestRuns.SAMPLE_RUN_DATE,
                0.10));
    }

    /** Changes the input once, after the first chunk is written, while armed. */
    static final class ChangeAfterFirstChunk implements ItemWriteListener<Outcome> {

        interface Action {
            void run() throws IOException;
        }

        private final AtomicReference<Action> armed = new AtomicReference<>();
        private volatile boolean fired;

        void arm(Action action) {
            fired = false;
            armed.set(action);
        }

        boolean fired() {
            return fired;
        }

        @Override
        public void afterWrite(Chunk<? extends Outcome> items) {
            Action action = armed.getAndSet(null);
            if (action != null) {
                try {
                    action.run();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                fired = true;
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ChangeConfiguration {

        @Bean
        ChangeAfterFirstChunk changeAfterFirstChunk() {
            return new ChangeAfterFirstChunk();
        }
    }
}
