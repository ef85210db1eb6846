package ca.trialpath.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a whole cohort file before any of its rows is read: it is UTF-8 throughout with no NUL byte,
 * it has a header, and the header has the required columns. Computes its SHA-256 on the same pass for the summary.
 */
public final class CohortFileInspector {

    /**
     * What a run needs to know about a file before reading it.
     *
     * @param cuts where the file may be cut for threads, found on the inspection's pass; {@code null}: not looked for
     */
    public record InspectedFile(String name, String path, long bytes, String sha256, List<String> ignoredColumns,
            CutScan.Cuts cuts) implements java.io.Serializable {

        public InspectedFile(String name, String path, long bytes, String sha256, List<String> ignoredColumns) {
            this(name, path, bytes, sha256, ignoredColumns, null);
        }
    }

    private static final int HEADER_PREFIX = 1024 * 1024;

    private CohortFileInspector() {
    }

    /** @throws CohortFileException for a file-level error, naming the file */
    public static InspectedFile inspect(Path file) throws IOException {
        return inspect(file, 0);
    }

    /**
     * @param cutLinesApart also where to cut the file after about every so many lines ({@link CutScan}), on the
     *                      same pass; 0: not
     * @throws CohortFileException for a file-level error, naming the file
     */
    public static InspectedFile inspect(Path file, long cutLinesApart) throws IOException {
        String name = file.getFileName().toString();
        // messages name the whole path: an operator with several export folders must find the file
        String where = file.toString();
        MessageDigest sha256 = InputFingerprint.newSha256();
        CutScan cuts = cutLinesApart > 0 ? new CutScan(cutLinesApart) : null;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder head = new StringBuilder();
        long bytes = 0;
        long line = 1;
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                sha256.update(chunk, 0, n);
                if (cuts != null) {
                    cuts.update(chunk, n);
                }
                bytes += n;
                pending.put(chunk, 0, n).flip();
                line = decode(decoder, pending, chars, false, line, head, where);
                pending.compact();
            }
            pending.flip();
            line = decode(decoder, pending, chars, true, line, head, where);
        }
        if (bytes == 0) {
            throw new CohortFileException(where, "the file is empty: a cohort file needs at least a header line");
        }
        CsvRecord header;
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(head.toString()))) {
            header = reader.next();
        }
        if (header == null) {
            throw new CohortFileException(where, "the file has no header line (only blank lines)");
        }
        if (header.isMalformed()) {
            throw new CohortFileException(where, "the header line cannot be read: " + header.malformed());
        }
        CohortHeader parsed = CohortHeader.of(where, header.cells());
        return new InspectedFile(name, file.toString(), bytes, HexFormat.of().formatHex(sha256.digest()),
                parsed.ignoredColumns(), cuts == null ? null : cuts.finish());
    }

    private static long decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean endOfInput, long line,
            StringBuilder head, String where) {
        while (true) {
            CoderResult result = decoder.decode(in, out, endOfInput);
            out.flip();
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                if (c == '\n') {
                    line++;
                } else if (c == '\u0000') {
                    // valid UTF-8, but no text export holds one: a binary file, a UTF-16 export without
                    // its byte-order mark, or a copy with zero-filled blocks. Reading it row by row would
                    // reject thousands of rows for one cause, or worse accept a damaged half.
                    throw new CohortFileException(where, "the file is not UTF-8 text: it holds a NUL byte on line "
                            + line + " (a binary file, a UTF-16 export or a damaged copy; export the file as UTF-8)");
                }
            }
            if (head.length() < HEADER_PREFIX) {
                head.append(out, 0, Math.min(out.length(), HEADER_PREFIX - head.length()));
            }
            out.clear();
            if (result.isError()) {
                throw new CohortFileException(where, "the file is not UTF-8: invalid byte sequence on line " + line
                        + " (export the file as UTF-8)");
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    CoderResult flushed = decoder.flush(out);
                    if (flushed.isError()) {
                        throw new CohortFileException(where, "the file is not UTF-8: it ends inside a character");
                    }
                }
                return line;
            }
        }
    }
}
