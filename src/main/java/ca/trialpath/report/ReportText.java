package ca.trialpath.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of {@code report.html} in one language, from the resource bundle {@code messages/report}
 * ({@code report.properties} is English, {@code report_fr.properties} French). The page holds no words of
 * its own: headings, labels, the names of pathways and priorities, option labels and bases, and the
 * explanations of flags all come from here, while the codes of the CSV files stay as they are.
 *
 * <p>A message with arguments is a {@link MessageFormat} pattern; one without is returned as written, so
 * plain sentences need no quoting rules.
 */
public final class ReportText {

    /** The languages a report can be written in, by their {@code lang} parameter value. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    public static final String DEFAULT_LANGUAGE = "en";

    static final String BUNDLE = "messages.report";

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportText(String language, Locale locale) {
        this.language = language;
        this.locale = locale;
        // no fallback to the machine's default locale: English is the base bundle, whatever the machine says
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.equals("en") ? Locale.ROOT : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @throws IllegalArgumentException for a language not in {@link #LANGUAGES} */
    public static ReportText of(String language) {
        return switch (language == null ? "" : language) {
            case "en" -> new ReportText("en", Locale.ENGLISH);
            case "fr" -> new ReportText("fr", Locale.CANADA_FRENCH);
            default -> throw new IllegalArgumentException("lang '" + language + "' is not one of "
                    + String.join(", ", LANGUAGES));
        };
    }

    public static ReportText english() {
        return of("en");
    }

    /** The value of the page's {@code lang} attribute. */
    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** The message of a key, its arguments put in; a missing key is a programming error and throws. */
    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /** The message of a key when there is one (a code the bundle knows), else {@code fallback}. */
    public String getOrDefault(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A whole number grouped the way the language writes it (1,234 or 1 234). */
    public String number(long n) {
        return String.format(language.equals("en") ? Locale.ROOT : locale, "%,d", n);
    }

    /** A share written as a percentage with one decimal (2.5% or 2,5 %). */
    public String percent(double fraction) {
        String digits = String.format(language.equals("en") ? Locale.ROOT : locale, "%.1f", fraction * 100);
        return get("format.percent", digits);
    }
}
