package ca.trialpath.history;

import java.io.IOException;
import java.util.Comparator;

/**
 * A change with its place in changes.csv: {@code place} is the person's ordinal in this run, or, for a person
 * no longer present, {@link #GONE} plus the ordinal in the previous run; {@code sequence} keeps a person's
 * changes in the order {@link PersonChanges} gave them.
 */
record OrderedChange(long place, long sequence, Change change) {

    /** Places from here on are the people no longer present, after everyone of this run. */
    static final long GONE = 1L << 48;

    static final Comparator<OrderedChange> ORDER = Comparator.comparingLong(OrderedChange::place)
            .thenComparingLong(OrderedChange::sequence);

    static final RecordFormat<OrderedChange> FORMAT = new RecordFormat<>() {
        private final ChangeKind[] kinds = ChangeKind.values();

        @Override
        public Writer<OrderedChange> writer() {
            return (ordered, out) -> {
                out.writeVarLong(ordered.place());
                out.writeVarLong(ordered.sequence());
                Change change = ordered.change();
                out.writeByte(change.kind().ordinal());
                out.writeString(change.patientId());
                out.writeString(change.before());
                out.writeString(change.after());
            };
        }

        @Override
        public Reader<OrderedChange> reader() {
            return in -> read(in);
        }

        private OrderedChange read(ByteReader in) throws IOException {
            long place = in.readVarLong();
            long sequence = in.readVarLong();
            ChangeKind kind = kinds[in.readByte()];
            return new OrderedChange(place, sequence, new Change(in.readString(), kind, in.readString(), in.readString()));
        }
    };
}
