package ca.trialpath.naaccr;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's bytes as they come off the disk, under the buffer and the gunzip, with the SHA-256 taken of them on the
 * way: the job checks its one parse of an extract against the digest the run was started for without a reading of
 * its own (issue 14, point 7). The bytes the parser does not ask for (after {@code </NaaccrData>}, after the gzip
 * stream) are read by {@link #finish}, so the digest is always of the whole file.
 */
final class DigestedFile extends FilterInputStream {

    private final MessageDigest sha256;
    private boolean finishOnClose;
    private boolean closed;
    private String digest;

    DigestedFile(InputStream in) {
        super(in);
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0 && digest == null) {
            sha256.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0 && digest == null) {
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // never a byte skipped unhashed
        byte[] buffer = new byte[(int) Math.max(1, Math.min(n, 64 * 1024))];
        return Math.max(0, read(buffer, 0, buffer.length));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * The SHA-256 of every byte of the file, in hex: what is left of it is read now.
     *
     * @throws IllegalStateException when it was closed before it was read to its end
     */
    String finish() throws IOException {
        if (digest == null) {
            if (closed) {
                throw new IllegalStateException("the file was closed before it was read to its end");
            }
            byte[] buffer = new byte[64 * 1024];
            while (read(buffer, 0, buffer.length) >= 0) {
                // hashed by read
            }
            digest = HexFormat.of().formatHex(sha256.digest());
        }
        return digest;
    }

    /** Closing then reads what is left first and keeps the digest, for a parser that closes its own stream. */
    void finishOnClose() {
        finishOnClose = true;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (finishOnClose) {
                finish();
            }
        } finally {
            closed = true;
            in.close();
        }
    }
}
