package ca.trialpath.guideline;

import java.util.EnumSet;
import java.util.Set;

/**
 * The histology table of rules.md, section 1: whether the guideline's options, which are the standard
 * treatments of squamous cell carcinoma of the anus, apply to a primary of this morphology and behaviour.
 * Read on the {@code LOCAL_RECURRENCE}, {@code DISTANT_METASTASIS} and {@code UNDETERMINED} pathways only.
 */
public final class Histology {

    private Histology() {
    }

    /** {@code NNNN/B} with a behaviour ICD-O-3 knows (0, 1, 2, 3, 6, 9). */
    static boolean isMorphology(String value) {
        return value.length() == 6 && Character.isDigit(value.charAt(0)) && Character.isDigit(value.charAt(1))
                && Character.isDigit(value.charAt(2)) && Character.isDigit(value.charAt(3)) && value.charAt(4) == '/'
                && "012369".indexOf(value.charAt(5)) >= 0;
    }

    /**
     * The flags the histology raises, the rows of the table in order. {@code NON_SQUAMOUS_HISTOLOGY} and
     * {@code PRIMARY_NOT_INVASIVE} withhold the options.
     *
     * @param histology {@code NNNN/B}, or {@code null} when not recorded
     */
    public static Set<ReviewFlag> flags(String histology) {
        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        if (histology == null) {
            // empty: as squamous (registries export this cohort for anal SCC); no flag
            return flags;
        }
        int morphology = Integer.parseInt(histology, 0, 4, 10);
        char behaviour = histology.charAt(5);
        if (behaviour == '0' || behaviour == '1') {
            // benign or uncertain: not a cancer; no options, no trial discussion (T1)
            flags.add(ReviewFlag.PRIMARY_NOT_INVASIVE);
            return flags;
        }
        if (behaviour == '2') {
            // in situ primary: the options, and the care team confirms they fit a first invasive cancer
            flags.add(ReviewFlag.PRIMARY_IN_SITU);
        }
        // behaviour 3, 6 and 9 (unknown counts as 3), and 2 (docs/rules-decisions.md): the morphology decides
        if (isSquamous(morphology)) {
            return flags;
        }
        flags.add(isNotSpecified(morphology) ? ReviewFlag.HISTOLOGY_NOT_SPECIFIC : ReviewFlag.NON_SQUAMOUS_HISTOLOGY);
        return flags;
    }

    /** 8050-8089 squamous; 8120-8131 transitional, basaloid 8123, cloacogenic 8124. */
    static boolean isSquamous(int morphology) {
        return morphology >= 8050 && morphology <= 8089 || morphology >= 8120 && morphology <= 8131;
    }

    /** 8000-8046: carcinoma or neoplasm, not further specified. */
    static boolean isNotSpecified(int morphology) {
        return morphology >= 8000 && morphology <= 8046;
    }
}
