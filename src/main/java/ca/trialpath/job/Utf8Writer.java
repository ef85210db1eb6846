package ca.trialpath.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer for the staged files, byte for byte what {@code OutputStreamWriter} writes
 * (a lone surrogate becomes {@code ?}). The JDK's encoder leaves its fast ASCII loop at the first other
 * character of a buffer and never goes back: one "Québec" in a line sent the rest of the buffer through
 * its slow loop, a quarter of the writer's CPU. Not thread-safe.
 */
final class Utf8Writer extends Writer {

    private static final int SIZE = 64 * 1024;

    private final OutputStream out;
    private final byte[] bytes = new byte[SIZE];
    private final char[] chars = new char[SIZE / 4];
    private int count;
    /** A high surrogate at the end of a write, waiting for the low one that may start the next write. */
    private char pendingHigh;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        chars[0] = (char) c;
        write(chars, 0, 1);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        while (length > 0) {
            int part = Math.min(length, chars.length);
            text.getChars(offset, offset + part, chars, 0);
            write(chars, 0, part);
            offset += part;
            length -= part;
        }
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        int end = offset + length;
        int i = offset;
        if (pendingHigh != 0 && i < end) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(text[i])) {
                room(4);
                codePoint(Character.toCodePoint(high, text[i]));
                i++;
            } else {
                room(1);
                bytes[count++] = '?';
            }
        }
        byte[] buffer = bytes;
        while (i < end) {
            // at most three bytes per char (a pair is four bytes for two chars): no check inside the loop;
            // the position is a local, as a field it would be stored at every byte
            if (SIZE - count < 4) {
                drain();
            }
            int n = count;
            int stop = Math.min(end, i + (SIZE - n) / 3);
            while (i < stop) {
                char c = text[i];
                if (c < 0x80) {
                    buffer[n++] = (byte) c;
                    i++;
                } else if (c < 0x800) {
                    buffer[n++] = (byte) (0xC0 | c >> 6);
                    buffer[n++] = (byte) (0x80 | c & 0x3F);
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    buffer[n++] = (byte) (0xE0 | c >> 12);
                    buffer[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buffer[n++] = (byte) (0x80 | c & 0x3F);
                    i++;
                } else if (Character.isHighSurrogate(c) && i + 1 == end) {
                    pendingHigh = c;
                    i++;
                } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(text[i + 1])) {
                    if (SIZE - n < 4) {
                        break;
                    }
                    int cp = Character.toCodePoint(c, text[i + 1]);
                    buffer[n++] = (byte) (0xF0 | cp >> 18);
                    buffer[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buffer[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buffer[n++] = (byte) (0x80 | cp & 0x3F);
                    i += 2;
                } else {
                    // a lone surrogate, as the JDK's encoder replaces it
                    buffer[n++] = '?';
                    i++;
                }
            }
            count = n;
        }
    }

    private void codePoint(int cp) {
        bytes[count++] = (byte) (0xF0 | cp >> 18);
        bytes[count++] = (byte) (0x80 | cp >> 12 & 0x3F);
        bytes[count++] = (byte) (0x80 | cp >> 6 & 0x3F);
        bytes[count++] = (byte) (0x80 | cp & 0x3F);
    }

    private void room(int needed) throws IOException {
        if (SIZE - count < needed) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(bytes, 0, count);
            count = 0;
        }
    }

    /** Hands the bytes to the stream; a high surrogate whose pair is not written yet stays (as in the JDK). */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            if (pendingHigh != 0) {
                pendingHigh = 0;
                room(1);
                bytes[count++] = '?';
            }
            drain();
        } finally {
            out.close();
        }
    }
}
