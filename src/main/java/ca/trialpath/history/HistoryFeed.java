package ca.trialpath.history;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * What the run history keeps of each person, as the chunk step assessed them, in input order: written beside the
 * staged outputs of a partition and read back at publication, partition after partition, so the history is stored
 * from the typed results and never from a parse of {@code assessments.csv}.
 *
 * <p>The people are in frames, each a count, a length and the people in the history's own {@link PersonFormat}
 * (values seen already in the frame as numbers). A frame leans on nothing before it, and one ends at every
 * commit, so a restart that cuts the file back to its last commit continues it with a fresh frame. Only the job
 * reads the file; it is never published.
 */
public final class HistoryFeed {

    public static final String FILE = "history.feed";

    /** A frame is handed over once its people take this many bytes (and at every commit). */
    static final int FRAME_BYTES = 64 * 1024;

    private final ByteWriter frame = new ByteWriter(FRAME_BYTES + 1024);
    private final ByteWriter header = new ByteWriter(32);
    private RecordFormat.Writer<NumberedPerson> writer = PersonFormat.INSTANCE.writer();
    private int people;

    /** Where the frames go: the partition's staged file. */
    public interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /** Adds a person; a full frame goes to {@code sink} at once. */
    public void add(PersonResult person, Sink sink) throws IOException {
        writer.write(new NumberedPerson(people + 1L, person), frame);
        people++;
        if (frame.length() >= FRAME_BYTES) {
            endFrame(sink);
        }
    }

    /** Before each commit: the people added since the last frame go to {@code sink} as one. */
    public void endFrame(Sink sink) throws IOException {
        if (people == 0) {
            return;
        }
        header.reset();
        header.writeVarLong(people);
        header.writeVarLong(frame.length());
        sink.write(header.array(), 0, header.length());
        sink.write(frame.array(), 0, frame.length());
        frame.reset();
        writer = PersonFormat.INSTANCE.writer();
        people = 0;
    }

    /**
     * One partition's feed and its length at the partition's last commit.
     *
     * @param committed -1 when the partition's commits do not say it (the feed is lost)
     */
    public record Part(Path file, long committed) {
    }

    /**
     * The people of the feeds, one after the other, each feed up to its committed length. A feed that is not there
     * holds nobody (a partition of nobody assessed writes no frame, but its file is there); the caller checks
     * {@link #allThere} where a lost feed matters.
     */
    public static People read(List<Part> parts) {
        return new People(parts);
    }

    /** Whether every feed is there (a run that stopped after its folder was published may have lost them). */
    public static boolean allThere(List<Part> parts) {
        return parts.stream().allMatch(part -> part.committed() == 0
                || part.committed() > 0 && Files.isRegularFile(part.file()));
    }

    /** The people of a list of feeds, read one frame at a time. */
    public static final class People implements Iterator<PersonResult>, Closeable {

        private final Iterator<Part> parts;
        private InputStream stream;
        private ByteReader in;
        private RecordFormat.Reader<NumberedPerson> reader;
        private long leftInFrame;
        private Path current;

        private People(List<Part> parts) {
            this.parts = List.copyOf(parts).iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                while (leftInFrame == 0) {
                    if (in != null && !in.atEnd()) {
                        leftInFrame = in.readVarLong();
                        in.readVarLong(); // the frame's length: for a reader that skips frames
                        reader = PersonFormat.INSTANCE.reader();
                        continue;
                    }
                    if (!nextPart()) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + current, e);
            }
        }

        @Override
        public PersonResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                leftInFrame--;
                return reader.read(in).person();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + current, e);
            }
        }

        private boolean nextPart() throws IOException {
            close();
            while (parts.hasNext()) {
                Part part = parts.next();
                if (part.committed() > 0 && Files.isRegularFile(part.file())) {
                    current = part.file();
                    stream = committed(Files.newInputStream(part.file()), part.committed());
                    in = new ByteReader(stream, FRAME_BYTES);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            in = null;
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }

    /** The committed part of a staged file: what a chunk that never committed wrote after it is nobody's. */
    private static InputStream committed(InputStream in, long length) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(length).get();
    }
}
