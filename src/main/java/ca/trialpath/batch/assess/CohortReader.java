package ca.trialpath.batch.assess;

import ca.trialpath.batch.input.CohortFileReader;
import ca.trialpath.batch.input.RegistryCache;
import ca.trialpath.batch.input.RegistryInput;
import ca.trialpath.batch.input.ResourceLimits;
import ca.trialpath.batch.input.SourcedRecord;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.InputIdentity;
import ca.trialpath.batch.run.ProgressLog;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.naaccr.NaaccrSupplement;
import ca.trialpath.report.RunFolders;
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
public class CohortReader implements ItemStreamReader<SourcedRecord> {

    /** Records of the partition read (the name is older than partitions of several files). */
    static final String RECORDS_IN_FILE = "reader.file.records";
    public static final String READ_PER_FILE = "reader.read.per.file";
    /** NAACCR files: patients without an anal tumour, counted and not listed (naaccr.md). */
    public static final String NOT_IN_SCOPE_PER_FILE = "reader.not.in.scope.per.file";
    /** NAACCR files: every {@code <Patient>} read, for the invariant read = assessed + rejected + not in scope. */
    public static final String PATIENTS_PER_FILE = "reader.patients.per.file";
    /** NAACCR files: item 80 codes that are no Canadian province, left empty. */
    public static final String PROVINCES_DROPPED_PER_FILE = "reader.provinces.dropped.per.file";

    private final CohortPartition partition;
    private final List<InspectedFile> files;
    private final ProgressLog progress;

    private final LinkedHashMap<String, Long> readPerFile = new LinkedHashMap<>();
    private long recordsRead;
    /** The piece being read, or the next one to open. */
    private int piece;
    private long readInPiece;
    private CohortFileReader reader;
    /** The index's reading of the NAACCR file being read, or {@code null}. */
    private RegistryCache.Reader cache;
    /** The supplement's own rejects being listed, or {@code null}. */
    private java.util.Iterator<RejectedRow> supplementRejects;
    private final LinkedHashMap<String, Long> notInScopePerFile = new LinkedHashMap<>();
    private final LinkedHashMap<String, Long> patientsPerFile = new LinkedHashMap<>();
    private final LinkedHashMap<String, Long> provincesDroppedPerFile = new LinkedHashMap<>();
    /** For NAACCR input: whether messages quote values, the supplement and the staging (the index's readings). */
    private boolean valuesInMessages = true;
    private Integer supplementIndex;
    private RunFolders.Staging staging;
    private NaaccrSupplement supplement;

    public CohortReader(CohortPartition partition, List<InspectedFile> files, ProgressLog progress) {
        this.partition = partition;
        this.files = files;
        this.progress = progress;
    }

    /** What reading NAACCR files and the supplement takes. */
    public CohortReader forRegistry(boolean valuesInMessages, Integer supplementIndex, RunFolders.Staging staging) {
        this.valuesInMessages = valuesInMessages;
        this.supplementIndex = supplementIndex;
        this.staging = staging;
        return this;
    }

    private boolean readAgainWhole(CohortPartition.Piece piece) {
        // no byte offset into XML or gzip: a restarted NAACCR partition reads its file from the start, counting
        // again the patients out of scope, and emits none of those committed
        return RegistryInput.isNaaccr(files.get(piece.fileIndex())) || isSupplement(piece);
    }

    private boolean isSupplement(CohortPartition.Piece piece) {
        return supplementIndex != null && piece.fileIndex() == supplementIndex;
    }

    @Override
    public void open(ExecutionContext context) {
        long resumeAt = context.getLong(RECORDS_IN_FILE, 0);
        partition.pieces().forEach(p -> readPerFile.put(p.fileName(), 0L));
        try {
            // the pieces a crashed execution read and checked whole are passed over; the one it stopped in is
            // read again from its start (so that all of its bytes are checked), without emitting what was committed
            while (piece < partition.pieces().size() && resumeAt - recordsRead >= current().records()
                    && current().records() > 0 && !readAgainWhole(current())) {
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
            if (readAgainWhole(current)) {
                SourcedRecord registry = nextOfRegistry(current, file);
                if (registry == null) {
                    continue; // the piece is done
                }
                return registry;
            }
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
                throw InputIdentity.changed(file, "it ends after " + readInPiece + " of the " + current.records()
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

    /** The next patient in scope of a NAACCR piece, or the next own reject of the supplement; {@code null}: done. */
    private SourcedRecord nextOfRegistry(CohortPartition.Piece current, InspectedFile file) throws IOException {
        if (isSupplement(current)) {
            if (supplementRejects == null) {
                supplement = RegistryInput.supplement(files, supplementIndex, valuesInMessages);
                supplementRejects = RegistryInput.supplementRejects(staging, supplement).iterator();
                readInPiece = 0;
            }
            if (!supplementRejects.hasNext()) {
                if (readInPiece != current.records()) {
                    throw InputIdentity.changed(file, readInPiece + " of its rows join no patient now, "
                            + current.records() + " when the run was planned");
                }
                supplementRejects = null;
                // the supplement's rows, for the summary: read = joined + rejected
                patientsPerFile.put(file.name(), supplement.rows());
                piece++;
                return null;
            }
            counted(current);
            return new SourcedRecord(file.name(), null, null,
                    new SourcedRecord.Registry(null, null, supplementRejects.next()));
        }
        if (cache == null) {
            // the patients in scope as the index read them: the XML is parsed once per run
            cache = new RegistryCache.Reader(RegistryCache.file(staging, current.fileIndex()));
            readInPiece = 0;
        }
        SourcedRecord.Registry next = cache.next();
        if (next == null) {
            RegistryCache.Trailer counts = cache.trailer();
            closeReader();
            if (readInPiece != current.records() || counts.inScope() != current.records()) {
                throw InputIdentity.changed(file, "it holds " + readInPiece + " patients in scope, "
                        + current.records() + " when the run was planned");
            }
            patientsPerFile.put(file.name(), counts.patients());
            notInScopePerFile.put(file.name(), counts.notInScope());
            provincesDroppedPerFile.put(file.name(), counts.provincesDropped());
            piece++;
            return null;
        }
        counted(current);
        return new SourcedRecord(file.name(), null, null, next);
    }

    private void counted(CohortPartition.Piece current) {
        readInPiece++;
        recordsRead++;
        readPerFile.merge(current.fileName(), 1L, Long::sum);
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
        if (!patientsPerFile.isEmpty()) {
            context.put(PATIENTS_PER_FILE, new LinkedHashMap<>(patientsPerFile));
            context.put(NOT_IN_SCOPE_PER_FILE, new LinkedHashMap<>(notInScopePerFile));
            context.put(PROVINCES_DROPPED_PER_FILE, new LinkedHashMap<>(provincesDroppedPerFile));
        }
    }

    @Override
    public void close() {
        closeReader();
    }

    private void closeReader() {
        if (cache != null) {
            try {
                cache.close();
            } catch (IOException ignored) {
                // read only
            }
            cache = null;
        }
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
