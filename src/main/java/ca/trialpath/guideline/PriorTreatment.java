package ca.trialpath.guideline;

import java.util.Optional;

/** How the original tumour was treated: the guideline's options for a local recurrence depend on it. */
public enum PriorTreatment {
    SURGERY, CHEMORADIATION, RADIATION, CHEMOTHERAPY;

    public static Optional<PriorTreatment> ofTerm(String term) {
        return Vocabulary.lookup(PriorTreatment.class, term);
    }

    public String term() {
        return Vocabulary.term(this);
    }
}
