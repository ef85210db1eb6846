package ca.trialpath.trials.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code eligibilityModule.eligibilityCriteria} as statements a coordinator can read one by one. ClinicalTrials.gov
 * keeps it as Markdown: bullets ({@code *}, {@code -}, {@code 1.}), headings {@code Inclusion Criteria:} and
 * {@code Exclusion Criteria:}, and punctuation escaped with a backslash ({@code ECOG \>= 2},
 * {@code 18 years \\(inclusive\\)}), which is undone here.
 */
public final class EligibilityText {

    /** Which list a statement is in; text before any heading counts as inclusion. */
    public enum Section {
        INCLUSION, EXCLUSION
    }

    /** One bullet (or one sentence of a long bullet), unescaped, without its bullet mark. */
    public record Statement(Section section, String text) {
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>=~|^&'\"/:;,%])");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[*\\-•+]|\\d{1,2}[.)]|[a-zA-Z][.)]|\\(\\w{1,3}\\))\\s+");
    private static final Pattern INCLUSION = Pattern.compile("^(?:key\\s+)?inclusion\\s+criteria\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXCLUSION = Pattern.compile("^(?:key\\s+)?exclusion\\s+criteria\\b.*", Pattern.CASE_INSENSITIVE);
    /** A bullet longer than this is cut into its sentences, so a suggestion quotes the sentence it came from. */
    private static final int LONG = 300;

    private EligibilityText() {
    }

    /** Markdown's backslash escapes undone: {@code \>=} is {@code >=}. */
    public static String unescape(String text) {
        return text == null ? null : ESCAPE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
    }

    public static List<Statement> statements(String criteria) {
        List<Statement> statements = new ArrayList<>();
        if (criteria == null) {
            return statements;
        }
        Section section = Section.INCLUSION;
        for (String raw : unescape(criteria).split("\\R")) {
            String line = BULLET.matcher(raw).replaceFirst("").replaceAll("[*_]{2,}", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String heading = line.replaceAll("^#+\\s*", "");
            if (INCLUSION.matcher(heading).matches() && heading.length() < 40) {
                section = Section.INCLUSION;
                continue;
            }
            if (EXCLUSION.matcher(heading).matches() && heading.length() < 40) {
                section = Section.EXCLUSION;
                continue;
            }
            if (line.length() <= LONG) {
                statements.add(new Statement(section, line));
            } else {
                for (String sentence : line.split("(?<=[.;])\\s+(?=[A-Z(])")) {
                    statements.add(new Statement(section, sentence.strip()));
                }
            }
        }
        return statements;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
