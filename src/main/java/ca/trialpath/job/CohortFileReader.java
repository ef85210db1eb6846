package ca.trialpath.job;

import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The records of one inspected cohort file from a given byte on, with the file's header: what a partition reads.
 * A file whose size is no longer the inspected one changed under the run, which fails it.
 */
final class CohortFileReader implements Closeable {

    private final CohortHeader header;
    private final CsvRecordReader records;
    private final long startByte;

    private CohortFileReader(CohortHeader header, CsvRecordReader records, long startByte) {
        this.header = header;
        this.records = records;
        this.startByte = startByte;
    }

    /** @param startByte 0, or where an earlier reading found a record to start, on line {@code startLine} */
    static CohortFileReader open(InspectedFile file, long startByte, long startLine) throws IOException {
        Path path = Path.of(file.path());
        FileChannel channel = FileChannel.open(path);
        try {
            if (channel.size() != file.bytes()) {
                throw new CohortFileException(file.path(), "the file changed since the run started ("
                        + file.bytes() + " bytes then, " + channel.size() + " now)");
            }
            CohortHeader header;
            CsvRecordReader records;
            if (startByte == 0) {
                records = new CsvRecordReader(utf8(channel));
                header = header(file, records);
            } else {
                try (CsvRecordReader start = new CsvRecordReader(utf8(FileChannel.open(path)))) {
                    header = header(file, start);
                }
                channel.position(startByte);
                records = new CsvRecordReader(utf8(channel), startLine, false);
            }
            return new CohortFileReader(header, records, startByte);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static InputStreamReader utf8(FileChannel channel) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(Channels.newInputStream(channel), decoder);
    }

    private static CohortHeader header(InspectedFile file, CsvRecordReader records) throws IOException {
        CsvRecord headerRecord = records.next();
        if (headerRecord == null || headerRecord.isMalformed()) {
            // inspected before the step; the file changed under the run
            throw new CohortFileException(file.name(), "the header changed since the run started");
        }
        return CohortHeader.of(file.name(), headerRecord.cells());
    }

    CohortHeader header() {
        return header;
    }

    CsvRecordReader records() {
        return records;
    }

    long startByte() {
        return startByte;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
