package ca.trialpath.guideline;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises the free-typed vocabulary terms of a cohort row.
 *
 * <p>Registries type terms by hand: {@code Para-aortic nodes} and {@code para_aortic_nodes} must
 * mean the same site (rules.md, section 2), so case is folded and runs of spaces, hyphens and
 * underscores become one underscore.
 */
public final class Terms {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

    private Terms() {
    }

    public static String normalize(String term) {
        String folded = SEPARATORS.matcher(term.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
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
