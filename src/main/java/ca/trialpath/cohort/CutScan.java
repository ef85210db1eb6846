package ca.trialpath.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a cohort file may be cut into parts that threads read on their own: after about every {@code linesApart}
 * lines, at a line break outside quotes (an even number of quotes before it) between two lines that are not blank,
 * so that a reader started there reads the same records as one that read the whole file. A stray quote in an
 * unquoted cell can fool it; the index checks each part's reading ends at the next cut. Fed the file's bytes in
 * order, so that the inspection, which reads them anyway, finds the cuts on the same pass.
 */
public final class CutScan {

    /**
     * The cuts of a file and, for each of the parts they make, the SHA-256 of its bytes and its line breaks.
     *
     * @param linesApart the lines asked for between two cuts
     * @param at          the byte offsets of the cuts, in order ({@code rangeLines} has one more element)
     * @param rangeSha256 one more element than {@code at} too; empty when there is no cut, the one part being the
     *                    whole file with its own SHA-256 (a run of ten thousand small files keeps each in its
     *                    execution context)
     */
    public record Cuts(long linesApart, List<Long> at, List<String> rangeSha256, List<Long> rangeLines)
            implements Serializable {
    }

    private final long linesApart;
    private final List<Long> cuts = new ArrayList<>();
    private final List<String> rangeSha256 = new ArrayList<>();
    private final List<Long> rangeLines = new ArrayList<>();
    private final MessageDigest range = InputFingerprint.newSha256();
    private boolean inQuotes;
    private boolean lineHasText;
    private boolean previousLineHadText;
    private boolean atLineStart;
    // the header's line is not a row
    private long lines = -1;
    private long linesInRange;
    private long position;

    public CutScan(long linesApart) {
        this.linesApart = linesApart;
    }

    /** Reads the file whole. */
    public static Cuts of(Path file, long linesApart) throws IOException {
        CutScan scan = new CutScan(linesApart);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                scan.update(buffer, n);
            }
        }
        return scan.finish();
    }

    /** The file's next {@code n} bytes. */
    public void update(byte[] buffer, int n) {
        int hashedUpTo = 0;
        for (int i = 0; i < n; i++, position++) {
            byte b = buffer[i];
            if (atLineStart) {
                atLineStart = false;
                // a cut here when the line before and this one hold text, outside quotes, far enough on
                if (!inQuotes && previousLineHadText && b != '\n' && b != '\r' && lines >= linesApart) {
                    cuts.add(position);
                    range.update(buffer, hashedUpTo, i - hashedUpTo);
                    hashedUpTo = i;
                    rangeSha256.add(HexFormat.of().formatHex(range.digest()));
                    rangeLines.add(linesInRange);
                    linesInRange = 0;
                    lines = 0;
                }
            }
            if (b == '"') {
                inQuotes = !inQuotes;
                lineHasText = true;
            } else if (b == '\n') {
                lines++;
                linesInRange++;
                previousLineHadText = lineHasText;
                lineHasText = false;
                atLineStart = true;
            } else if (b != '\r' && b != ' ' && b != '\t') {
                lineHasText = true;
            }
        }
        range.update(buffer, hashedUpTo, n - hashedUpTo);
    }

    /** After the last byte. */
    public Cuts finish() {
        if (!cuts.isEmpty()) {
            rangeSha256.add(HexFormat.of().formatHex(range.digest()));
        }
        // a last line without a line break is a line too
        rangeLines.add(linesInRange + (atLineStart || position == 0 ? 0 : 1));
        return new Cuts(linesApart, List.copyOf(cuts), List.copyOf(rangeSha256), List.copyOf(rangeLines));
    }
}
