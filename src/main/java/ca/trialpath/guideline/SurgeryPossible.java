package ca.trialpath.guideline;

import java.util.Optional;

/** Whether the recurrence can be removed by surgery; an empty cell is {@link #UNKNOWN}. */
public enum SurgeryPossible {
    YES, NO, UNKNOWN;

    public static Optional<SurgeryPossible> ofTerm(String term) {
        return Vocabulary.lookup(SurgeryPossible.class, term);
    }

    public String term() {
        return Vocabulary.term(this);
    }
}
