package ca.trialpath.batch.input;

import ca.trialpath.batch.run.InputIdentity;
import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The records of one inspected cohort file from a given byte on, with the file's header: what a partition reads.
 *
 * <p>It also takes the SHA-256 of the bytes it reads between two given offsets, exactly as they are consumed, so
 * that what was read can be checked against what the run was started for ({@link #checkRead}): a file replaced,
 * edited in place or appended to under the run then fails it, whatever its size says.
 */
public final class CohortFileReader implements Closeable {

    private final InspectedFile file;
    private final CohortHeader header;
    private final CsvRecordReader records;
    private final FileChannel channel;
    private final DigestedBytes bytes;

    private CohortFileReader(InspectedFile file, CohortHeader header, CsvRecordReader records, FileChannel channel,
            DigestedBytes bytes) {
        this.file = file;
        this.header = header;
        this.records = records;
        this.channel = channel;
        this.bytes = bytes;
    }

    /**
     * @param startByte 0, or where an earlier reading found a record to start, on line {@code startLine}
     * @param endByte   the end of the bytes whose digest {@link #checkRead} compares (the reading itself may go on)
     */
    public static CohortFileReader open(InspectedFile file, long startByte, long endByte, long startLine) throws IOException {
        Path path = Path.of(file.path());
        FileChannel channel = FileChannel.open(path);
        try {
            if (channel.size() != file.bytes()) {
                throw InputIdentity.changed(file, file.bytes() + " bytes then, " + channel.size() + " now");
            }
            channel.position(startByte);
            DigestedBytes bytes = new DigestedBytes(Channels.newInputStream(channel), startByte, endByte);
            CsvRecordReader records;
            List<String> names;
            if (startByte == 0) {
                records = new CsvRecordReader(utf8(bytes));
                names = headerCells(file, records);
            } else {
                try (CsvRecordReader start = new CsvRecordReader(utf8(Channels.newInputStream(FileChannel.open(path))))) {
                    names = headerCells(file, start);
                }
                records = new CsvRecordReader(utf8(bytes), startLine, false);
            }
            CohortHeader header = CohortHeader.of(file.name(), names);
            // a malformed record's message names the column at fault, not only its position
            records.nameColumns(names);
            return new CohortFileReader(file, header, records, channel, bytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Why a run fails when an input is no longer what it was when the run started. */

    private static InputStreamReader utf8(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    private static List<String> headerCells(InspectedFile file, CsvRecordReader records) throws IOException {
        CsvRecord headerRecord = records.next();
        if (headerRecord == null || headerRecord.isMalformed()) {
            // inspected before the step; the file changed under the run
            throw InputIdentity.changed(file, "its header no longer reads");
        }
        return headerRecord.cells();
    }

    public CohortHeader header() {
        return header;
    }

    public CsvRecordReader records() {
        return records;
    }

    /**
     * The SHA-256 of the bytes from the start to the end given at {@link #open}, reading what is left of them (the
     * records read stop short of the end only by blank lines or the end of the file).
     */
    public String digest() throws IOException {
        return bytes.finish();
    }

    /**
     * Fails the run unless the bytes read are those the run started with ({@code sha256}) and the file still
     * has its size.
     */
    public void checkRead(String sha256, String what) throws IOException {
        String read = digest();
        if (!read.equals(sha256)) {
            throw InputIdentity.changed(file, "bytes " + bytes.start + " to " + bytes.end + " (" + what
                    + ") no longer hold what they held when the run started");
        }
        if (channel.size() != file.bytes()) {
            throw InputIdentity.changed(file, file.bytes() + " bytes then, " + channel.size() + " now");
        }
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    /** The file's bytes as the reader consumes them, the SHA-256 taken of those from {@code start} to {@code end}. */
    private static final class DigestedBytes extends FilterInputStream {

        private final long start;
        private final long end;
        private final MessageDigest sha256;
        private long position;
        private String digest;

        DigestedBytes(InputStream in, long start, long end) {
            super(in);
            this.start = start;
            this.end = end;
            this.position = start;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                long hashed = Math.max(0, Math.min(n, end - position));
                if (hashed > 0 && digest == null) {
                    sha256.update(buffer, offset, (int) hashed);
                }
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // never skipped unhashed
            byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(0, read);
        }

        String finish() throws IOException {
            if (digest == null) {
                byte[] buffer = new byte[64 * 1024];
                while (position < end && read(buffer, 0, (int) Math.min(buffer.length, end - position)) > 0) {
                    // hashed by read
                }
                digest = HexFormat.of().formatHex(sha256.digest());
            }
            return digest;
        }
    }
}
