package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.guideline.Terms;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The validator's value checks and the term normaliser are written out for speed; they must accept and give
 * exactly what the regular expressions of the specification do, on a seeded random corpus biased to the edges.
 */
class WrittenOutChecksTests {

    private static final String ALPHABET = "09AZaz._-/ \t\n\u000B\f\r_+:\u00e9\u00a0\u2028x5";
    private static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HISTOLOGY = Pattern.compile("\\d{4}/[0-369]");
    private static final Pattern ECOG = Pattern.compile("[0-4]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

    @Test
    void shouldAcceptWhatTheRegularExpressionsAccept() {
        Random random = new Random(20261127L);
        for (int i = 0; i < 200_000; i++) {
            String value = random(random);
            assertThat(CohortRowValidator.PATIENT_ID.test(value)).as("patient id %s", value)
                    .isEqualTo(PATIENT_ID.matcher(value).matches());
            assertThat(CohortRowValidator.isIsoDate(value)).as("date %s", value).isEqualTo(ISO_DATE.matcher(value).matches());
            assertThat(CohortRowValidator.HISTOLOGY.test(value)).as("histology %s", value)
                    .isEqualTo(HISTOLOGY.matcher(value).matches());
            assertThat(CohortRowValidator.ECOG.test(value)).as("ecog %s", value).isEqualTo(ECOG.matcher(value).matches());
            assertThat(Terms.normalize(value)).as("term %s", value).isEqualTo(regexNormalize(value));
        }
        assertThat(CohortRowValidator.PATIENT_ID.test("a".repeat(64))).isTrue();
        assertThat(CohortRowValidator.PATIENT_ID.test("a".repeat(65))).isFalse();
        assertThat(CohortRowValidator.isIsoDate("2024-02-30")).as("the form only: the calendar is checked apart").isTrue();
        assertThat(CohortRowValidator.HISTOLOGY.test("8070/3")).isTrue();
        assertThat(CohortRowValidator.HISTOLOGY.test("8070/4")).isFalse();
        assertThat(CohortRowValidator.HISTOLOGY.test("8070/1")).isTrue();
    }

    /** Short strings from a small alphabet, often shaped like the values (digits, dashes, slashes). */
    private static String random(Random random) {
        int shape = random.nextInt(6);
        if (shape == 0) {
            return String.format("%04d-%02d-%02d", random.nextInt(10000), random.nextInt(100), random.nextInt(100));
        }
        if (shape == 1) {
            return String.format("%04d/%d", random.nextInt(10000), random.nextInt(10));
        }
        int length = shape == 2 ? 60 + random.nextInt(10) : random.nextInt(12);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }

    /** The normaliser as it was, with its regular expression. */
    private static String regexNormalize(String term) {
        String folded = SEPARATORS.matcher(term.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
        int start = 0;
        int end = folded.length();
        while (start < end && folded.charAt(start) == '_') {
            start++;
        }
        while (end > start && folded.charAt(end - 1) == '_') {
            end--;
        }
        return folded.substring(start, end);
    }
}
