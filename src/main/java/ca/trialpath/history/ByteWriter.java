package ca.trialpath.history;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array with variable-length integers and strings: the encoding of the run history's blocks
 * and of its sort files. Written by hand rather than through {@code DataOutputStream}, whose one call per byte
 * costs more than the encoding itself at ten million people.
 */
final class ByteWriter {

    private byte[] bytes;
    private int length;

    ByteWriter(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    void reset() {
        length = 0;
    }

    void writeByte(int b) {
        room(1);
        bytes[length++] = (byte) b;
    }

    /** An unsigned LEB128 integer: one byte below 128. */
    void writeVarLong(long value) {
        room(10);
        while ((value & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[length++] = (byte) value;
    }

    /** A signed value, zig-zag encoded so that small negative numbers stay short. */
    void writeSignedVarLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    /** UTF-8 bytes preceded by their count. */
    void writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarLong(utf8.length);
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
