package ca.trialpath.duplicates;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the unsigned variable-length numbers and raw bytes the duplicate files are made of, through its own
 * buffer: a DataOutputStream costs a call through the stream per byte, and a run writes hundreds of millions.
 */
final class CompactOutput implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int position;

    CompactOutput(Path file) throws IOException {
        this.out = Files.newOutputStream(file);
    }

    /** Seven bits a byte, low bits first; the high bit says another byte follows. */
    void writeNumber(long value) throws IOException {
        if (position > BUFFER - 10) {
            flushBuffer();
        }
        if (value >>> 7 == 0) {
            buffer[position++] = (byte) value;
            return;
        }
        if (value < 0) {
            throw new IllegalArgumentException("a negative number: " + value);
        }
        while (value >= 0x80) {
            buffer[position++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    void writeBytes(byte[] bytes, int from, int length) throws IOException {
        if (length > BUFFER - position) {
            flushBuffer();
            if (length > BUFFER) {
                out.write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, position, length);
        position += length;
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flushBuffer();
        }
    }
}
