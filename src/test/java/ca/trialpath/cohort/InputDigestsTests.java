package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's digests, given to the first step only while the file is still the one read: changed in place,
 * replaced, appended to or only touched, it is read again (and then fails the fingerprint when its bytes differ).
 */
class InputDigestsTests {

    @TempDir
    private Path temp;

    @Test
    void shouldGiveBackTheDigestOfAFileLeftAsItWas() throws Exception {
        // given
        Path file = Files.writeString(temp.resolve("extract.xml"), "<NaaccrData/>");
        InputDigests digests = new InputDigests();

        // when
        String sha256 = digests.sha256(file);

        // then
        assertThat(sha256).isEqualTo(InputFingerprint.sha256(file));
        assertThat(digests.taken(file)).isEqualTo(sha256);
        assertThat(digests.taken(temp.resolve(".").resolve("extract.xml"))).as("the same file by another path")
                .isEqualTo(sha256);
        assertThat(digests.taken(temp.resolve("other.xml"))).isNull();
    }

    @Test
    void shouldForgetTheDigestOfAFileChangedInAnyWay() throws Exception {
        for (String how : new String[] {"in place, same size", "renamed over", "appended to", "touched", "deleted"}) {
            // given
            Path file = Files.writeString(temp.resolve("extract.xml"), "<NaaccrData>R0000001</NaaccrData>");
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
            InputDigests digests = new InputDigests();
            digests.sha256(file);

            // when
            switch (how) {
                case "in place, same size" -> {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap("R0000002".getBytes(StandardCharsets.UTF_8)), 13);
                    }
                }
                case "renamed over" -> {
                    Path next = Files.writeString(temp.resolve("next.xml"), "<NaaccrData>R0000002</NaaccrData>");
                    Files.setLastModifiedTime(next, FileTime.fromMillis(1_700_000_000_000L));
                    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                case "appended to" -> Files.writeString(file, " ", StandardOpenOption.APPEND);
                case "touched" -> Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_001_000L));
                default -> Files.delete(file);
            }

            // then
            assertThat(digests.taken(file)).as(how).isNull();
            digests.clear();
        }
    }

    @Test
    void shouldGiveBackTheInspectionOfACohortFileLeftAsItWasNamedAsAsked() throws Exception {
        // given
        Path file = Files.writeString(temp.resolve("cohort.csv"), CSV);
        InputDigests digests = new InputDigests();

        // when
        String sha256 = digests.inspect(file);

        // then: what the inspection step would have found, under the name it asks by
        InspectedFile inspected = CohortFileInspector.inspect(file);
        assertThat(sha256).isEqualTo(inspected.sha256()).isEqualTo(InputFingerprint.sha256(file));
        assertThat(digests.inspected(file)).isEqualTo(inspected);
        Path otherPath = temp.resolve(".").resolve("cohort.csv");
        assertThat(digests.inspected(otherPath)).as("the same file by another path")
                .isEqualTo(CohortFileInspector.inspect(otherPath));
        assertThat(digests.inspected(temp.resolve("other.csv"))).isNull();
        assertThat(digests.taken(file)).as("a digest of an extract is another thing").isNull();
    }

    @Test
    void shouldForgetTheInspectionOfACohortFileChangedOrForgotten() throws Exception {
        for (String how : new String[] {"in place, same size", "touched", "deleted", "cleared"}) {
            // given
            Path file = Files.writeString(temp.resolve("cohort.csv"), CSV);
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
            InputDigests digests = new InputDigests();
            digests.inspect(file);

            // when
            switch (how) {
                case "in place, same size" -> {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap("P2".getBytes(StandardCharsets.UTF_8)), CSV.indexOf("P1"));
                    }
                }
                case "touched" -> Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_001_000L));
                case "deleted" -> Files.delete(file);
                default -> digests.clear();
            }

            // then
            assertThat(digests.inspected(file)).as(how).isNull();
        }
    }

    @Test
    void shouldOnlyDigestACohortFileItsInspectionRefusesAndKeepNothing() throws Exception {
        // given: no header the inspection accepts
        Path file = Files.writeString(temp.resolve("cohort.csv"), "not,a,cohort\n1,2,3\n");
        InputDigests digests = new InputDigests();

        // when
        String sha256 = digests.inspect(file);

        // then: the run gets its fingerprint; the first step inspects the file again and fails it with its error
        assertThat(sha256).isEqualTo(InputFingerprint.sha256(file));
        assertThat(digests.inspected(file)).isNull();
    }

    private static final String CSV = "patient_id,birth_date,sex,province,primary_site,histology,recurrence_date,recurrence_type,recurrence_sites,prior_treatments,surgery_possible,symptoms,ecog,treatment_wish\n"
            + "P1,1960-01-01,F,ON,anal_canal,8070,2026-10-01,,anal_canal,chemoradiation,yes,,1,wants_treatment\n";
}
