package ca.trialpath.guideline;

import java.util.Optional;

/** What the person wants or is able to have; an empty cell is {@link #WANTS_TREATMENT}. */
public enum TreatmentWish {
    WANTS_TREATMENT, DECLINES_TREATMENT, UNABLE_TO_HAVE_TREATMENT;

    public static Optional<TreatmentWish> ofTerm(String term) {
        return Vocabulary.lookup(TreatmentWish.class, term);
    }

    public String term() {
        return Vocabulary.term(this);
    }
}
