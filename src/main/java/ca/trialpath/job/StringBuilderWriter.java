package ca.trialpath.job;

import java.io.Writer;

/** A reusable, unsynchronised in-memory writer (java.io.StringWriter locks on every write). */
final class StringBuilderWriter extends Writer {

    private final StringBuilder text = new StringBuilder(2048);

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    void setLength(int length) {
        text.setLength(length);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
