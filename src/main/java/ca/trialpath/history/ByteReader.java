package ca.trialpath.history;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote, from a stream, through a buffer of its own. */
final class ByteReader {

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    ByteReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /** Whether the stream has no byte left. */
    boolean atEnd() throws IOException {
        return position == limit && !fill();
    }

    int readByte() throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException("the history's data ends in the middle of a record");
        }
        return buffer[position++] & 0xFF;
    }

    long readVarLong() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("the history's data holds a malformed number");
    }

    long readSignedVarLong() throws IOException {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    int readVarInt() throws IOException {
        return Math.toIntExact(readVarLong());
    }

    String readString() throws IOException {
        int count = readVarInt();
        if (limit - position >= count) {
            String value = new String(buffer, position, count, StandardCharsets.UTF_8);
            position += count;
            return value;
        }
        byte[] utf8 = new byte[count];
        for (int i = 0; i < count; i++) {
            utf8[i] = (byte) readByte();
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        limit = read;
        return read > 0;
    }
}
