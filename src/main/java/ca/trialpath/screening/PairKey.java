package ca.trialpath.screening;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/** A person and a trial they match or nearly match: what a screening status belongs to. */
public record PairKey(String patientId, String nctId) implements Comparable<PairKey>, Serializable {

    /** By patient id, then NCT id: the order of the log's rows that are not on the worklist. */
    private static final Comparator<PairKey> ORDER = Comparator.comparing(PairKey::patientId)
            .thenComparing(PairKey::nctId);

    public PairKey {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(nctId, "nctId");
    }

    @Override
    public int compareTo(PairKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return patientId + " / " + nctId;
    }
}
