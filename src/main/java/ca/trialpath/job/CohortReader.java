package ca.trialpath.job;

import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of one partition of the cohort ({@link CohortPartition}), piece after piece, and remembers
 * after each chunk how far it got, so that a restarted partition resumes at the first record the crashed one had
 * not committed. Counts the records it read per file: the invariant "read = assessed + rejected" is checked
 * against them.
 *
 * <p>Each piece is checked as soon as its last record is read, before that record goes on: its bytes must be
 * those the run was started for (their SHA-256), so a file replaced or edited under the run fails it instead of
 * publishing another export's people under the first one's fingerprint.
 */
class CohortReader implements ItemStreamReader<SourcedRecord> {

    /** Records of the partition read (the name is older than partitions of several files). */
    static final String RECORDS_IN_FILE = "reader.file.records";
    static final String READ_PER_FILE = "reader.read.per.file";

    private final CohortPartition partition;
    private final List<InspectedFile> files;
    private final ProgressLog progress;

    private final LinkedHashMap<String, Long> readPerFile = new LinkedHashMap<>();
    private long recordsRead;
    /** The piece being read, or the next one to open. */
    private int piece;
    private long readInPiece;
    private CohortFileReader reader;

    CohortReader(CohortPartition partition, List<InspectedFile> files, ProgressLog progress) {
        this.partition = partition;
        this.files = files;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        long resumeAt = context.getLong(RECORDS_IN_FILE, 0);
        partition.pieces().forEach(p -> readPerFile.put(p.fileName(), 0L));
        try {
            // the pieces a crashed execution read and checked whole are passed over; the one it stopped in is
            // read again from its start (so that all of its bytes are checked), without emitting what was committed
            while (piece < partition.pieces().size() && resumeAt - recordsRead >= current().records()
                    && current().records() > 0) {
                recordsRead += current().records();
                readPerFile.put(current().fileName(), current().records());
                piece++;
            }
            while (recordsRead < resumeAt && next() != null) {
                // skipped
            }
        } catch (IOException e) {
            if (ResourceLimits.explain(e, "reading " + partition.name()) instanceof RuntimeException limit) {
                throw limit;
            }
            throw new ItemStreamException("cannot read " + current().fileName(), e);
        }
        progress.resumed(recordsRead);
    }

    @Override
    public SourcedRecord read() throws IOException {
        SourcedRecord record;
        try {
            record = next();
        } catch (IOException e) {
            if (ResourceLimits.explain(e, "reading " + partition.name()) instanceof RuntimeException limit) {
                throw limit;
            }
            throw e;
        }
        if (record != null) {
            progress.recordRead();
        }
        return record;
    }

    private SourcedRecord next() throws IOException {
        while (true) {
            if (piece == partition.pieces().size()) {
                return null;
            }
            CohortPartition.Piece current = current();
            InspectedFile file = files.get(current.fileIndex());
            if (reader == null) {
                reader = CohortFileReader.open(file, current.startByte(), current.endByte(), current.startLine());
                readInPiece = 0;
                if (current.records() == 0) {
                    finishPiece(current);
                    continue;
                }
            }
            CsvRecord record = reader.records().next();
            if (record == null) {
                // the index counted more: the file changed under the run
                throw CohortFileReader.changed(file, "it ends after " + readInPiece + " of the " + current.records()
                        + " rows of " + partition.name());
            }
            readInPiece++;
            recordsRead++;
            readPerFile.merge(current.fileName(), 1L, Long::sum);
            CohortHeader header = reader.header();
            if (readInPiece == current.records()) {
                // checked before its last record goes on: a restart passes over a piece whose records were all
                // committed
                finishPiece(current);
            }
            return new SourcedRecord(file.name(), header, record);
        }
    }

    private CohortPartition.Piece current() {
        return partition.pieces().get(piece);
    }

    private void finishPiece(CohortPartition.Piece current) throws IOException {
        try {
            reader.checkRead(current.sha256Of(files.get(current.fileIndex())), "rows on lines from " + current.startLine() + " of " + partition.name());
        } finally {
            closeReader();
        }
        piece++;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(RECORDS_IN_FILE, recordsRead);
        context.put(READ_PER_FILE, new LinkedHashMap<>(readPerFile));
    }

    @Override
    public void close() {
        closeReader();
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only file: nothing was lost
            }
            reader = null;
        }
    }
}
