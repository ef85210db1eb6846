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
    private IOException failure;

    ExtractStream(InputStream in, boolean gzip) {
        super(in);
        this.gzip = gzip;
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
