package ca.trialpath.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of people sorted by patient id, about ten a person before compression: each id as the length it
 * shares with the id before and the rest; the ordinal as the difference from the one before (1 when the
 * cohort comes in id order); each value (pathway, options, priority, trials, flags) as a number when it was
 * seen already in the same block or file, since a registry has few distinct ones.
 */
final class PersonFormat implements RecordFormat<NumberedPerson> {

    /** Distinct values remembered per block or file; later new values are written out each time. */
    static final int MAX_VALUES = 16 * 1024;

    static final PersonFormat INSTANCE = new PersonFormat();

    private PersonFormat() {
    }

    @Override
    public RecordFormat.Writer<NumberedPerson> writer() {
        return new RecordFormat.Writer<>() {
            private final Map<String, Integer> values = new HashMap<>();
            private String previousId = "";
            private long previousOrdinal;

            @Override
            public void write(NumberedPerson numbered, ByteWriter out) {
                PersonResult p = numbered.person();
                String id = p.patientId();
                int shared = sharedPrefix(previousId, id);
                out.writeVarLong(shared);
                out.writeString(id.substring(shared));
                out.writeSignedVarLong(numbered.ordinal() - previousOrdinal);
                value(p.pathway(), out);
                value(p.options(), out);
                value(p.trialPriority(), out);
                value(p.matchedTrials(), out);
                value(p.reviewFlags(), out);
                previousId = id;
                previousOrdinal = numbered.ordinal();
            }

            private void value(String value, ByteWriter out) {
                Integer seen = values.get(value);
                if (seen != null) {
                    out.writeVarLong(seen + 1L);
                    return;
                }
                out.writeVarLong(0);
                out.writeString(value);
                if (values.size() < MAX_VALUES) {
                    values.put(value, values.size());
                }
            }
        };
    }

    @Override
    public RecordFormat.Reader<NumberedPerson> reader() {
        return new RecordFormat.Reader<>() {
            private final List<String> values = new ArrayList<>();
            private String previousId = "";
            private long previousOrdinal;

            @Override
            public NumberedPerson read(ByteReader in) throws IOException {
                int shared = in.readVarInt();
                String id = previousId.substring(0, shared).concat(in.readString());
                long ordinal = previousOrdinal + in.readSignedVarLong();
                PersonResult person = new PersonResult(id, value(in), value(in), value(in), value(in), value(in));
                previousId = id;
                previousOrdinal = ordinal;
                return new NumberedPerson(ordinal, person);
            }

            private String value(ByteReader in) throws IOException {
                int seen = in.readVarInt();
                if (seen > 0) {
                    return values.get(seen - 1);
                }
                String value = in.readString();
                if (values.size() < MAX_VALUES) {
                    values.add(value);
                }
                return value;
            }
        };
    }

    private static int sharedPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        // never split a surrogate pair: the rest is written as UTF-8 on its own
        if (i > 0 && i < b.length() && Character.isHighSurrogate(b.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
