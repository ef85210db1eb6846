package ca.trialpath.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.Deflater;
import java.util.zip.InflaterInputStream;

/**
 * One block of a stored run: the next people in patient id order ({@link PersonFormat}), compressed with
 * Deflate. A block is closed at {@link #MAX_PEOPLE} people or {@link #MAX_BYTES} bytes before compression,
 * so a run of ten million people is about a hundred rows of the database, and one block in memory is at most a
 * few megabytes whatever a person holds (hundreds of matched trials included). Its first byte is the format,
 * so that a later TrialPath can still read the blocks of an earlier one.
 */
final class PersonBlock {

    static final int MAX_PEOPLE = 100_000;
    static final int MAX_BYTES = 4 * 1024 * 1024;
    static final int FORMAT_1 = 1;

    private final ByteWriter raw = new ByteWriter(256 * 1024);
    private RecordFormat.Writer<NumberedPerson> writer;
    private int people;

    PersonBlock() {
        clear();
    }

    /** Adds a person; returns whether the block is now full. */
    boolean add(NumberedPerson person) {
        writer.write(person, raw);
        people++;
        return people >= MAX_PEOPLE || raw.length() >= MAX_BYTES;
    }

    int people() {
        return people;
    }

    /** The block's bytes as stored: the format, then the people, compressed. */
    byte[] compressed() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw.array(), 0, raw.length());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length() / 2 + 64);
            out.write(FORMAT_1);
            byte[] chunk = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Empties the block for the next people; a block's values and ids do not lean on the block before. */
    void clear() {
        raw.reset();
        writer = PersonFormat.INSTANCE.writer();
        people = 0;
    }

    /** The people of a stored block, in patient id order. */
    static Iterator<NumberedPerson> read(byte[] stored, int people) {
        if (stored.length == 0 || stored[0] != FORMAT_1) {
            throw new IllegalStateException("a block of the run history has an unknown format "
                    + (stored.length == 0 ? "(empty)" : stored[0]) + ": written by a later TrialPath?");
        }
        InflaterInputStream inflated = new InflaterInputStream(new ByteArrayInputStream(stored, 1, stored.length - 1));
        ByteReader in = new ByteReader(inflated, 64 * 1024);
        RecordFormat.Reader<NumberedPerson> reader = PersonFormat.INSTANCE.reader();
        return new Iterator<>() {
            private int left = people;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public NumberedPerson next() {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                left--;
                try {
                    NumberedPerson person = reader.read(in);
                    if (left == 0) {
                        inflated.close(); // frees the inflater's native memory now
                    }
                    return person;
                } catch (IOException e) {
                    throw new UncheckedIOException("a block of the run history cannot be read", e);
                }
            }
        };
    }
}
