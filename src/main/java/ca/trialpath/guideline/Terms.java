package ca.trialpath.guideline;

import java.util.Locale;

/**
 * Normalises the free-typed vocabulary terms of a cohort row.
 *
 * <p>Registries type terms by hand: {@code Para-aortic nodes} and {@code para_aortic_nodes} must
 * mean the same site (rules.md, section 2), so case is folded and runs of spaces, hyphens and
 * underscores become one underscore.
 */
public final class Terms {

    private Terms() {
    }

    public static String normalize(String term) {
        // runs of [\s_-] (\s as in java.util.regex: space, tab, line feed, vertical tab, form feed, carriage
        // return) become one '_'; written out, as it runs for several cells of every row
        String lower = term.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean inSeparators = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean separator = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || c == '_' || c == '-';
            if (separator) {
                if (!inSeparators) {
                    out.append('_');
                }
            } else {
                out.append(c);
            }
            inSeparators = separator;
        }
        String folded = out.toString();
        // a leading or trailing separator is typing noise, not part of the term
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
