package ca.trialpath.job;

import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CsvRecord;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of one partition of the cohort ({@link CohortPartition}) and remembers after each chunk how
 * far it got, so that a restarted partition resumes at the first record the crashed one had not committed.
 * Counts the records it read per file: the invariant "read = assessed + rejected" is checked against them.
 */
class CohortReader implements ItemStreamReader<SourcedRecord> {

    static final String RECORDS_IN_FILE = "reader.file.records";
    static final String READ_PER_FILE = "reader.read.per.file";

    private final CohortPartition partition;
    private final InspectedFile file;
    private final ProgressLog progress;

    private long recordsRead;
    private CohortFileReader reader;

    CohortReader(CohortPartition partition, List<InspectedFile> files, ProgressLog progress) {
        this.partition = partition;
        this.file = files.get(partition.fileIndex());
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        long resumeAt = context.getLong(RECORDS_IN_FILE, 0);
        try {
            reader = CohortFileReader.open(file, partition.startByte(), partition.startLine());
            // a restart re-reads the committed records of the partition without emitting them
            while (recordsRead < resumeAt && reader.records().next() != null) {
                recordsRead++;
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file.name(), e);
        }
        progress.resumed(recordsRead);
    }

    @Override
    public SourcedRecord read() throws IOException {
        if (recordsRead == partition.records()) {
            return null;
        }
        CsvRecord record = reader.records().next();
        if (record == null) {
            // the index counted more: the file changed under the run in a way its size does not show
            throw new IllegalStateException(file.name() + " changed since the run started: it ends after "
                    + recordsRead + " of the " + partition.records() + " rows of " + partition.name());
        }
        recordsRead++;
        progress.recordRead();
        return new SourcedRecord(file.name(), reader.header(), record);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(RECORDS_IN_FILE, recordsRead);
        context.put(READ_PER_FILE, new LinkedHashMap<>(Map.of(file.name(), recordsRead)));
    }

    @Override
    public void close() {
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
