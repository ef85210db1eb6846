package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.guideline.GuidelineSection;
import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TreatmentGoal;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.guideline.TrialPriority;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportTextTests {

    private static final ReportText EN = ReportText.of("en");
    private static final ReportText FR = ReportText.of("fr");

    @Test
    void shouldHoldTheSameKeysInEnglishAndFrench() throws IOException {
        // given
        Properties english = bundle("report.properties");
        Properties french = bundle("report_fr.properties");

        // when
        Set<String> missingInFrench = new TreeSet<>(english.stringPropertyNames());
        missingInFrench.removeAll(french.stringPropertyNames());
        Set<String> missingInEnglish = new TreeSet<>(french.stringPropertyNames());
        missingInEnglish.removeAll(english.stringPropertyNames());

        // then
        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(150);
        assertThat(missingInFrench).as("keys of report.properties missing in report_fr.properties").isEmpty();
        assertThat(missingInEnglish).as("keys of report_fr.properties missing in report.properties").isEmpty();
        for (String key : french.stringPropertyNames()) {
            assertThat(french.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void shouldQuoteApostrophesInPatternsAndOnlyThere() throws IOException {
        // a lone ' in a MessageFormat pattern starts a quoted section and swallows the arguments after it
        Pattern loneQuote = Pattern.compile("(?<!')'(?!')");
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("report.properties", "report_fr.properties")) {
            Properties messages = bundle(file);
            for (String key : messages.stringPropertyNames()) {
                String message = messages.getProperty(key);
                if (message.contains("{0}") && loneQuote.matcher(message).find()) {
                    wrong.add(file + " " + key + ": a lone quote in a pattern");
                }
                if (!message.contains("{0}") && message.contains("''")) {
                    wrong.add(file + " " + key + ": a doubled quote in a plain message, shown doubled");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldNameEveryCodeOfTheVocabularyInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (Pathway p : Pathway.values()) {
            keys.add("pathway." + p.name());
            keys.add("noOptions.other");
        }
        for (TrialPriority p : TrialPriority.values()) {
            keys.add("priority." + p.name());
        }
        for (TreatmentGoal g : TreatmentGoal.values()) {
            keys.add("goal." + g.name());
        }
        for (ReviewFlag f : ReviewFlag.values()) {
            keys.add("flag." + f.name());
        }
        for (ReasonCode r : ReasonCode.values()) {
            keys.add("reason." + r.name());
        }
        for (GuidelineSection s : GuidelineSection.values()) {
            keys.add("section." + s.name());
        }
        for (TreatmentOption o : TreatmentOption.values()) {
            keys.add("option." + o.ruleId() + ".label");
            keys.add("option." + o.ruleId() + ".basis");
        }
        for (String rule : List.of("P0", "P1", "P2", "P3", "P4", "P5")) {
            keys.add("pathway.basis." + rule);
        }
        assertThat(keys).allSatisfy(key -> {
            assertThat(EN.has(key)).as("en %s", key).isTrue();
            assertThat(FR.has(key)).as("fr %s", key).isTrue();
        });
    }

    @Test
    void shouldSayInEnglishExactlyWhatTheGuidelineCodeSays() {
        // the English bundle is the single source of the page's words: it must not drift from the rules' own text
        for (TreatmentOption o : TreatmentOption.values()) {
            assertThat(EN.get("option." + o.ruleId() + ".label")).as(o.ruleId()).isEqualTo(o.label());
            assertThat(EN.get("option." + o.ruleId() + ".basis")).as(o.ruleId()).isEqualTo(o.basis());
        }
        for (ReviewFlag f : ReviewFlag.values()) {
            assertThat(EN.get("flag." + f.name())).as(f.name()).isEqualTo(f.explanation());
        }
        for (GuidelineSection s : GuidelineSection.values()) {
            assertThat(EN.get("section." + s.name())).as(s.name()).isEqualTo(s.heading());
        }
    }

    @Test
    void shouldTranslateTheOptionsIntoFrench() {
        assertThat(FR.get("option.LR1.label")).isEqualTo("Chimioradiothérapie");
        assertThat(FR.get("option.LR2.label")).isEqualTo("Résection abdominopérinéale");
        assertThat(FR.get("option.SC1.label")).startsWith("Soins de soutien");
        for (TreatmentOption o : TreatmentOption.values()) {
            assertThat(FR.get("option." + o.ruleId() + ".basis")).as(o.ruleId()).isNotEqualTo(o.basis());
        }
    }

    @Test
    void shouldFormatArgumentsNumbersAndSharesPerLanguage() {
        assertThat(EN.get("list.more", EN.number(1234), "rejects.csv")).isEqualTo("1,234 more not shown: see rejects.csv");
        assertThat(FR.get("list.more", FR.number(1234), "rejects.csv"))
                .matches("1\\h234 de plus non affichées : voir rejects.csv");
        assertThat(EN.percent(0.025)).isEqualTo("2.5%");
        assertThat(FR.percent(0.025)).isEqualTo("2,5 %");
        assertThat(FR.get("glance.heading")).isEqualTo("L’exécution en un coup d’œil");
    }

    @Test
    void shouldRefuseALanguageItDoesNotHave() {
        assertThatThrownBy(() -> ReportText.of("de")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en, fr");
        assertThatThrownBy(() -> ReportText.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReportTextTests.class.getResourceAsStream("/messages/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
