package ca.trialpath.guideline;

import java.util.Locale;
import java.util.Optional;

/** Cohort terms are the lower-case names of the enums that hold them. */
final class Vocabulary {

    private Vocabulary() {
    }

    static <E extends Enum<E>> Optional<E> lookup(Class<E> type, String term) {
        String wanted = Terms.normalize(term).toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    static String term(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
