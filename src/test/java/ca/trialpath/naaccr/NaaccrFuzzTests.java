package ca.trialpath.naaccr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: valid extracts of both reading paths (and gzipped) mutated at random, seeded. For each: the only failure
 * allowed is {@link NaaccrFileException} naming the file; otherwise read = assessed + rejected + not in scope, and no
 * patient is lost: as many are read as the file has {@code <Patient>} elements.
 *
 * <p>Other seeds: {@code -Dtrialpath.fuzz.seed=N -Dtrialpath.fuzz.cases=N}; a failure names the seed and the case.
 */
class NaaccrFuzzTests {

    private static final long SEED = Long.getLong("trialpath.fuzz.seed", 20261202L);
    private static final int CASES = Integer.getInteger("trialpath.fuzz.cases", 600);
    private static final Pattern PATIENT = Pattern.compile("<Patient[\\s>/]");
    private static final byte[][] NASTY = {
            {'<'}, {'>'}, {'&'}, {'"'}, {'/'}, {'\n'}, {0}, {(byte) 0xC3}, {(byte) 0xFF},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<Item naaccrId=\"primarySite\">".getBytes(StandardCharsets.US_ASCII),
            "</Tumor>".getBytes(StandardCharsets.US_ASCII), "<Patient>".getBytes(StandardCharsets.US_ASCII),
            "</Patient>".getBytes(StandardCharsets.US_ASCII), "<!--".getBytes(StandardCharsets.US_ASCII),
            "&lt;".getBytes(StandardCharsets.US_ASCII), "<![CDATA[x]]>".getBytes(StandardCharsets.US_ASCII),
            "C211".getBytes(StandardCharsets.US_ASCII), "99".getBytes(StandardCharsets.US_ASCII)};

    @TempDir
    Path temp;

    @Test
    void shouldNeverCrashNorLoseAPatientOfAMutatedExtract() throws IOException {
        List<byte[]> samples = List.of(Files.readAllBytes(NaaccrCohortReaderTests.SPEC_16),
                Files.readAllBytes(NaaccrCohortReaderTests.SPEC_18));
        Random random = new Random(SEED);
        int fileErrors = 0;
        long patients = 0;
        for (int n = 0; n < CASES; n++) {
            byte[] mutated = mutate(samples.get(random.nextInt(samples.size())), random);
            boolean gz = n % 10 == 0;
            Path file = Files.write(temp.resolve("case-" + n + ".xml"), mutated);
            if (gz) {
                file = NaaccrCohortReaderTests.gzip(file, temp.resolve("case-" + n + ".xml.gz"));
            }
            String what = "seed " + SEED + ", case " + n + " (" + file + ")";
            NaaccrCohortReaderTests.Read read;
            try {
                read = NaaccrCohortReaderTests.readAll(file);
            } catch (NaaccrFileException e) {
                assertThat(e.getMessage()).as(what).startsWith(file + ": ");
                fileErrors++;
                continue;
            } catch (IOException | RuntimeException | Error e) {
                throw new AssertionError("crash on " + what + ": " + e, e);
            }
            NaaccrCohortReader.Counts counts = read.counts();
            assertThat(counts.read()).as("read = assessed + rejected + not in scope, %s", what)
                    .isEqualTo(counts.assessed() + counts.rejected() + counts.notInScope());
            assertThat(read.outcomes()).hasSize((int) counts.read());
            assertThat(counts.read()).as("every <Patient> read, %s", what).isEqualTo(patientElements(mutated));
            patients += counts.read();
        }
        System.out.printf("naaccr fuzz seed %d: %d cases, %d file-level errors, %d patients read%n", SEED, CASES,
                fileErrors, patients);
        assertThat(patients).isPositive();
        assertThat(fileErrors).as("some mutations leave a readable file").isLessThan(CASES);
    }

    /** {@code <Patient>} start tags outside comments and CDATA (the mutations can add both). */
    private static long patientElements(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1)
                .replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<!\\[CDATA\\[.*?]]>", "");
        Matcher matcher = PATIENT.matcher(text);
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(bytes.length + 1);
            bytes = switch (random.nextInt(7)) {
                case 0 -> delete(bytes, random);
                case 1, 2 -> insert(bytes, at, NASTY[random.nextInt(NASTY.length)]);
                case 3 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 4 -> flip(bytes, random);
                case 5 -> duplicateLine(bytes, random);
                default -> changeDigit(bytes, random);
            };
        }
        return bytes;
    }

    private static byte[] delete(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(40));
        byte[] out = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(bytes, to, out, from, bytes.length - to);
        return out;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] what) {
        byte[] out = new byte[bytes.length + what.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
        return out;
    }

    private static byte[] flip(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] out = bytes.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private static byte[] duplicateLine(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        int line = random.nextInt(lines.length);
        int at = text.indexOf('\n', 0);
        int start = 0;
        for (int i = 0; i < line; i++) {
            start = text.indexOf('\n', start) + 1;
        }
        return insert(bytes, start, (lines[line] + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A digit of a value changed: the mutation that makes a valid file of invalid items. */
    private static byte[] changeDigit(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        for (int tries = 0; tries < 50 && out.length > 0; tries++) {
            int at = random.nextInt(out.length);
            if (out[at] >= '0' && out[at] <= '9') {
                out[at] = (byte) ('0' + random.nextInt(10));
                return out;
            }
        }
        return out;
    }
}
