package ca.trialpath.batch.run;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One part of the cohort that the assessment step reads on its own, possibly at the same time as the others (or on
 * another machine): consecutive pieces of the input, each a whole file or a run of consecutive records of one.
 * Many small files share a partition (a registry exporting one file per person must not cost one step execution,
 * one set of staged files and one repository lookup per person); a large file is cut into several. Partitions are
 * numbered in file-name then line order, and the run's files are their outputs put end to end in that order, so a
 * run gives the same rows in the same order however many threads assess it.
 *
 * <p>The duplicate ids of a partition are told by its own line numbers: the lines of its pieces counted one
 * after the other from 1 ({@link #relativeLine}).
 *
 * @param index  the partition's position in the run (0 first)
 * @param pieces what it reads, in order
 */
public record CohortPartition(int index, List<Piece> pieces) implements Serializable {

    /** The key of the partition in its step execution context. */
    public static final String KEY = "partition";

    /**
     * A part of one file, from a byte where a record starts to the next such byte (or the end of the file).
     *
     * @param fileIndex  the file's position among the run's input files
     * @param fileName   the file's name as the outputs show it
     * @param startByte  where the piece's first record starts (0: the file's start, header included)
     * @param endByte    where the next piece of the file starts, or the file's size
     * @param startLine  the line {@code startByte} is on
     * @param lineOffset the lines of the partition's pieces before this one
     * @param lines      the lines the piece takes (the header's included when it starts the file)
     * @param records    how many records (rows after the header) the piece holds
     * @param sha256     the SHA-256 of the bytes from {@code startByte} to {@code endByte} when the run started: the
     *                   reading of the piece must find them again, or the file changed under the run; {@code null}
     *                   for a whole file, whose digest is its inspected file's (the plan is kept small: the job
     *                   execution context holding it is read again by every lookup of a step)
     */
    public record Piece(int fileIndex, String fileName, long startByte, long endByte, long startLine, long lineOffset,
            long lines, long records, String sha256) implements Serializable {

        boolean startsTheFile() {
            return startByte == 0;
        }

        /** The SHA-256 its bytes must have. */
        public String sha256Of(ca.trialpath.cohort.CohortFileInspector.InspectedFile file) {
            return sha256 != null ? sha256 : file.sha256();
        }
    }

    public CohortPartition {
        pieces = List.copyOf(pieces);
    }

    /** The partition's name: step executions are named after it, in an order that sorts as the partitions do. */
    public String name() {
        return String.format("partition-%05d", index);
    }

    /** How many records (rows after a header) the partition holds. */
    public long records() {
        return pieces.stream().mapToLong(Piece::records).sum();
    }

    /** Its pieces by file name (a file has at most one piece in a partition). */
    public Map<String, Piece> piecesByFile() {
        Map<String, Piece> byFile = new LinkedHashMap<>();
        pieces.forEach(piece -> byFile.put(piece.fileName(), piece));
        return byFile;
    }

    /** The partition's own number of a line of one of its pieces (1 for its first piece's first line). */
    public static long relativeLine(Piece piece, long line) {
        return piece.lineOffset() + line - piece.startLine() + 1;
    }

    /** Where a line numbered by {@link #relativeLine} is: the file's name and its line there. */
    public String where(long relativeLine) {
        Piece found = pieces.get(0);
        for (Piece piece : pieces) {
            if (piece.lineOffset() < relativeLine) {
                found = piece;
            }
        }
        return found.fileName() + " line " + (found.startLine() - 1 + relativeLine - found.lineOffset());
    }
}
