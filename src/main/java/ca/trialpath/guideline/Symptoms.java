package ca.trialpath.guideline;

import java.util.Set;

/**
 * The pain and bleeding terms of rules.md, section 4 (DM3, DM4: "symptoms like pain and bleeding"). Other
 * symptom terms (for example {@code bone_pain}, which a distant site causes) are kept and reported and
 * drive no rule.
 */
public final class Symptoms {

    static final Set<String> PAIN = Set.of("pain", "anal_pain", "perianal_pain", "rectal_pain", "perineal_pain",
            "pelvic_pain");
    static final Set<String> BLEEDING = Set.of("bleeding", "anal_bleeding", "rectal_bleeding", "haematochezia",
            "hematochezia");

    private Symptoms() {
    }

    /** Whether a normalised term is one of the pain or bleeding terms. */
    public static boolean isPainOrBleeding(String term) {
        return PAIN.contains(term) || BLEEDING.contains(term);
    }

    static boolean anyPainOrBleeding(Set<String> symptoms) {
        for (String term : symptoms) {
            if (isPainOrBleeding(term)) {
                return true;
            }
        }
        return false;
    }
}
