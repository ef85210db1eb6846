package ca.trialpath.naaccr;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * The bytes of an extract as the parser consumes them (gunzipped for {@code .xml.gz}), remembering a read that
 * failed: both parsers wrap an I/O failure into their own "XML error", and a truncated gzip stream must be named
 * as such, not as a broken tag.
 */
final class ExtractStream extends FilterInputStream {

    private final boolean gzip;
    /** The file's bytes under it, with their SHA-256; {@code null} for a reading that takes none. */
    private final DigestedFile file;
    private IOException failure;

    ExtractStream(InputStream in, boolean gzip, DigestedFile file) {
        super(in);
        this.gzip = gzip;
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * The SHA-256 of every byte of the file (not of the gunzipped XML), once the parser is done: the rest of the
     * file is read now, or was when a parser that closes its stream closed it after {@link #finishOnClose}.
     */
    String sha256() throws IOException {
        if (file == null) {
            throw new IllegalStateException("this reading of the file takes no SHA-256");
        }
        return file.finish();
    }

    /** The parser is done: closing reads the rest of the file and keeps its SHA-256 ({@link #sha256}). */
    void finishOnClose() {
        if (file != null) {
            file.finishOnClose();
        }
    }

    /**
     * The message for a file whose bytes could not be read to the end, or {@code null} when they could (the XML is
     * then at fault).
     */
    String failure() {
        if (failure == null) {
            return null;
        }
        if (gzip && (failure instanceof java.io.EOFException || failure instanceof ZipException)) {
            return "the gzip stream is truncated or damaged (" + failure.getMessage() + ")";
        }
        return "the file could not be read (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")";
    }
}
