package ca.trialpath.history;

import java.util.Comparator;

/**
 * A person of a stored run with its row in the run's assessments.csv ({@code ordinal}, 1 first), and the first
 * sixteen characters of the patient id packed in two longs ({@code head}, {@code tail}), so that sorting a
 * hundred thousand people mostly compares numbers held in the record itself rather than following three
 * references to each id (ids are up to 64 characters; {@code TP-26-0001234} and pseudonyms differ early).
 */
record NumberedPerson(long ordinal, PersonResult person, long head, long tail) {

    /** Patient id order ({@link String#compareTo}), the order of a stored run. */
    static final Comparator<NumberedPerson> BY_PATIENT_ID = (a, b) -> {
        int c = Long.compareUnsigned(a.head, b.head);
        if (c == 0) {
            c = Long.compareUnsigned(a.tail, b.tail);
        }
        return c != 0 ? c : a.patientId().compareTo(b.patientId());
    };

    NumberedPerson(long ordinal, PersonResult person) {
        this(ordinal, person, packed(person.patientId(), 0), packed(person.patientId(), 8));
    }

    String patientId() {
        return person.patientId();
    }

    /**
     * Eight characters from {@code from}, a byte each, zeros after the id's end. Two keys compare (unsigned) as
     * their ids do, or are equal and the ids decide: a character from U+00FF up is written {@code FF} and ends
     * the key (zeros after it, in this long and the next), since its byte no longer says which character it was.
     */
    static long packed(String id, int from) {
        for (int i = 0; i < from && i < id.length(); i++) {
            if (id.charAt(i) >= 0xFF) {
                return 0; // the key ended in an earlier long
            }
        }
        long key = 0;
        boolean open = true;
        for (int i = from; i < from + 8; i++) {
            int b = 0;
            if (open && i < id.length()) {
                char c = id.charAt(i);
                b = Math.min(c, 0xFF);
                open = c < 0xFF;
            }
            key = (key << 8) | b;
        }
        return key;
    }
}
