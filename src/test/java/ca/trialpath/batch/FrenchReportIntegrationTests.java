package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.read;
import static ca.trialpath.batch.PublishedOutputs.records;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.cli.RunRequest;
import ca.trialpath.report.ReportText;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The French report of the real job on the sample cohort and catalogue holds no English phrase of the
 * English page's fixed texts: no words of the bundle, no option label, regimen or reason, no flag
 * explanation, no guideline name or caution, no recorded vocabulary term. Data values (patient ids, trial
 * titles and coordinators' notes, file names) stay as they are and are taken out before the check.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:french-report-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=WARN" })
@SpringBatchTest
class FrenchReportIntegrationTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final String DATE = "2026-11-27";

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @TempDir
    private Path output;

    @Test
    void shouldWriteAFrenchPageWithNoEnglishPhraseOfTheEnglishPagesFixedTexts() throws Exception {
        // given
        RunRequest french = new RunRequest(SAMPLE.toAbsolutePath(), output.toAbsolutePath(), TestRuns.SAMPLE_RUN_DATE,
                0.10, List.of(), false, SAMPLE.resolve("trials").toAbsolutePath(),
                SAMPLE.resolve("trial-criteria.json").toAbsolutePath(), "fr");

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(french));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path published = output.resolve(DATE);
        String html = read(published.resolve("report.html"));
        assertThat(html).contains("<html lang=\"fr\">");
        String text = visibleText(html);
        for (String data : dataValues(published)) {
            text = text.replace(data, " ");
        }
        List<String> english = new ArrayList<>();
        for (String phrase : englishPhrases()) {
            if (text.contains(phrase)) {
                english.add(phrase);
            }
        }
        for (String term : englishTerms()) {
            if (Pattern.compile("(?<![\\p{L}_])" + Pattern.quote(term) + "(?![\\p{L}_])").matcher(text).find()) {
                english.add(term);
            }
        }
        assertThat(english).as("English fixed texts on the French page").isEmpty();
        assertThat(text).as("the French page is not empty of the texts it checks")
                .contains("Options à discuter", "La source est © 2024", "souhaite un traitement",
                        "Chimiothérapie seule", "Carboplatine et paclitaxel");
    }

    @Test
    void shouldFindAnEnglishPhraseWhereOneIsLeft() {
        // given: the check itself can fail (a page that kept an English option reason)
        String page = visibleText("<p>Aucune option.</p><td>" + TreatmentOption.LR4.basis() + "</td>");

        // when / then
        assertThat(englishPhrases()).anyMatch(page::contains);
    }

    /** Every fixed English text of the page with at least two words, that French says differently. */
    private static Set<String> englishPhrases() {
        ReportText en = ReportText.english();
        ReportText fr = ReportText.of("fr");
        Set<String> phrases = new LinkedHashSet<>();
        for (String key : bundleKeys()) {
            String words = en.get(key);
            if (key.startsWith("term.") || words.equals(fr.get(key))) {
                continue;
            }
            // a pattern's fixed parts, between its arguments
            for (String part : words.split("\\{\\d+\\}")) {
                addPhrase(phrases, part.replace("''", "'"));
            }
        }
        for (TreatmentOption option : TreatmentOption.values()) {
            addPhrase(phrases, option.label());
            addPhrase(phrases, option.regimens());
            for (SurgeryPossible surgery : SurgeryPossible.values()) {
                addPhrase(phrases, option.basis(surgery));
            }
            addPhrase(phrases, option.section().heading());
        }
        for (ReviewFlag flag : ReviewFlag.values()) {
            addPhrase(phrases, flag.explanation());
        }
        addPhrase(phrases, GuidelineVersion.GUIDELINE);
        addPhrase(phrases, GuidelineVersion.CAUTION);
        // the job's own English sentences of the pathway rules
        for (String fixed : List.of("The cancer came back far from the anus", "is a distant site", "are distant sites",
                "is not in the vocabulary", "The cancer came back in or near the anus", "and nowhere distant",
                "never disease-free", "Neither the recurrence sites")) {
            addPhrase(phrases, fixed);
        }
        return phrases;
    }

    /** Recorded vocabulary terms whose French words differ: the French page shows the words. */
    private static Set<String> englishTerms() {
        ReportText en = ReportText.english();
        ReportText fr = ReportText.of("fr");
        Set<String> terms = new LinkedHashSet<>();
        for (String key : bundleKeys()) {
            if (key.startsWith("term.") && !en.get(key).equals(fr.get(key))) {
                terms.add(en.get(key));
            }
        }
        return terms;
    }

    private static void addPhrase(Set<String> phrases, String text) {
        String phrase = text.strip();
        // trailing punctuation is the page's, not the phrase's
        while (!phrase.isEmpty() && ".:;,(".indexOf(phrase.charAt(phrase.length() - 1)) >= 0) {
            phrase = phrase.substring(0, phrase.length() - 1).strip();
        }
        if (phrase.contains(" ") && phrase.length() >= 8) {
            phrases.add(phrase);
        }
    }

    private static List<String> bundleKeys() {
        Properties keys = new Properties();
        try (var in = ReportText.class.getResourceAsStream("/messages/report.properties")) {
            keys.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(keys.stringPropertyNames());
    }

    /** The page as a reader sees it: the text of its elements (no tags, attributes, style or script). */
    private static String visibleText(String html) {
        String body = html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<script>.*?</script>", " ")
                .replaceAll("(?s)<title>.*?</title>", " ");
        return body.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** Values of the data, which stay as they are: trial titles and notes, patient ids, file names. */
    private static List<String> dataValues(Path published) {
        List<String> values = new ArrayList<>();
        for (CSVRecord trial : records(published.resolve("trials.csv"))) {
            values.add(trial.get("brief_title"));
        }
        Matcher note = Pattern.compile("\"note\"\\s*:\\s*\"([^\"]+)\"").matcher(read(SAMPLE.resolve("trial-criteria.json")));
        while (note.find()) {
            values.add(note.group(1));
        }
        // longest first, so a title is taken out whole before a shorter value inside it
        values.sort((a, b) -> b.length() - a.length());
        return values;
    }
}
