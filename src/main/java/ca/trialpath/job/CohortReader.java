package ca.trialpath.job;

import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of every cohort file of a run, in file order, and remembers after each chunk how
 * far it got, so that a restarted run resumes at the first record the crashed one had not committed.
 * Counts the records of each file: the invariant "read = assessed + rejected" is checked against them.
 */
class CohortReader implements ItemStreamReader<SourcedRecord> {

    static final String FILE_INDEX = "reader.file.index";
    static final String RECORDS_IN_FILE = "reader.file.records";
    static final String READ_PER_FILE = "reader.read.per.file";

    private final List<InspectedFile> files;
    private final ProgressLog progress;

    private int fileIndex;
    private long recordsInFile;
    private LinkedHashMap<String, Long> readPerFile = new LinkedHashMap<>();
    private CountingInputStream bytes;
    private CsvRecordReader records;
    private CohortHeader header;
    private long bytesOfEarlierFiles;

    CohortReader(List<InspectedFile> files, ProgressLog progress) {
        this.files = List.copyOf(files);
        this.progress = progress;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        long resumeAt = context.getLong(RECORDS_IN_FILE, 0);
        if (context.containsKey(READ_PER_FILE)) {
            readPerFile = new LinkedHashMap<>((Map<String, Long>) context.get(READ_PER_FILE));
        }
        for (InspectedFile file : files) {
            readPerFile.putIfAbsent(file.name(), 0L);
        }
        for (int i = 0; i < fileIndex && i < files.size(); i++) {
            bytesOfEarlierFiles += files.get(i).bytes();
        }
        progress.start(files.stream().mapToLong(InspectedFile::bytes).sum(),
                readPerFile.values().stream().mapToLong(Long::longValue).sum());
        if (fileIndex < files.size()) {
            openFile();
            try {
                // a restart re-reads the committed records of the current file without emitting them
                while (recordsInFile < resumeAt && records.next() != null) {
                    recordsInFile++;
                }
            } catch (IOException e) {
                throw new ItemStreamException("cannot resume " + files.get(fileIndex).name(), e);
            }
        }
    }

    @Override
    public SourcedRecord read() throws IOException {
        while (fileIndex < files.size()) {
            CsvRecord record = records.next();
            if (record != null) {
                recordsInFile++;
                readPerFile.merge(currentName(), 1L, Long::sum);
                progress.recordRead(bytesOfEarlierFiles + bytes.count());
                return new SourcedRecord(currentName(), header, record);
            }
            closeFile();
            bytesOfEarlierFiles += files.get(fileIndex).bytes();
            fileIndex++;
            if (fileIndex < files.size()) {
                openFile();
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putLong(RECORDS_IN_FILE, recordsInFile);
        context.put(READ_PER_FILE, new LinkedHashMap<>(readPerFile));
    }

    @Override
    public void close() {
        closeFile();
    }

    private String currentName() {
        return files.get(fileIndex).name();
    }

    private void openFile() {
        InspectedFile file = files.get(fileIndex);
        recordsInFile = 0;
        try {
            if (Files.size(Path.of(file.path())) != file.bytes()) {
                throw new CohortFileException(file.path(), "the file changed since the run started ("
                        + file.bytes() + " bytes then, " + Files.size(Path.of(file.path())) + " now)");
            }
            bytes = new CountingInputStream(Files.newInputStream(Path.of(file.path())));
            records = new CsvRecordReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
            CsvRecord headerRecord = records.next();
            if (headerRecord == null || headerRecord.isMalformed()) {
                // inspected before the step; the file changed under the run
                throw new CohortFileException(file.name(), "the header changed since the run started");
            }
            header = CohortHeader.of(file.name(), headerRecord.cells());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name(), e);
        }
    }

    private void closeFile() {
        if (records != null) {
            try {
                records.close();
            } catch (IOException ignored) {
                // read-only file: nothing was lost
            }
            records = null;
        }
    }

    /** Bytes taken from the file so far (read ahead by the decoder, so a little ahead of the records). */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

}
