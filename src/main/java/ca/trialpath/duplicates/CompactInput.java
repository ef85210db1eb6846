package ca.trialpath.duplicates;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what {@link CompactOutput} wrote, through its own buffer. */
final class CompactInput implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final Path file;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;

    CompactInput(Path file) throws IOException {
        this.in = Files.newInputStream(file);
        this.file = file;
    }

    /** Whether anything is left to read. */
    boolean hasMore() throws IOException {
        return position < limit || fill();
    }

    long readNumber() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position == limit && !fill()) {
                throw new EOFException(file + " ends inside a number");
            }
            byte b = buffer[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException(file + " holds a number longer than 64 bits");
    }

    int readCount() throws IOException {
        long value = readNumber();
        if (value > Integer.MAX_VALUE) {
            throw new IOException(file + " holds a count too large: " + value);
        }
        return (int) value;
    }

    void readBytes(byte[] into, int length) throws IOException {
        int done = 0;
        while (done < length) {
            if (position == limit && !fill()) {
                throw new EOFException(file + " ends inside an id");
            }
            int n = Math.min(length - done, limit - position);
            System.arraycopy(buffer, position, into, done, n);
            position += n;
            done += n;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, BUFFER);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
