package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.guideline.GuidelineAssessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, point 5: input far larger than memory, made on the fly (never stored), goes through the real
 * reader, validator and assessor. An oversized row is rejected with its line without being held whole; a
 * file of several GB streams in flat memory.
 */
class BadInputAtScaleTests {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);
    private static final String HEADER = "patient_id,primary_site,recurrence_sites,notes\n";

    @Test
    void shouldRejectAFiveHundredMegabyteRowWithItsLineWithoutHoldingIt() throws IOException {
        // given: a row of 512 Mi characters (1 GiB as Java chars) between two good rows
        long huge = 512L * 1024 * 1024;
        Reader input = new PartsReader(List.of(HEADER + "P1,anus,anal_canal,\nP2,anus,anal_canal,"),
                huge, 'x', "\nP3,anus,anal_canal,ok\n");
        long allocatedBefore = allocatedByThisThread();

        // when
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(input)) {
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        long allocated = allocatedByThisThread() - allocatedBefore;

        // then: the oversized row is a malformed record on its own line, its id still readable
        assertThat(records).hasSize(4);
        CsvRecord oversized = records.get(2);
        assertThat(oversized.line()).isEqualTo(3);
        assertThat(oversized.malformed()).contains("cell 4 is longer than " + CsvRecordReader.MAX_CELL_CHARS);
        assertThat(oversized.cells()).containsExactly("P2", "anus", "anal_canal");
        assertThat(records.get(3).line()).isEqualTo(4);
        assertThat(records.get(3).cells()).containsExactly("P3", "anus", "anal_canal", "ok");
        // and the reader allocated a few cell buffers, not the row: holding it would take over 1 GiB
        assertThat(allocated).as("bytes allocated while reading a %d-character row", huge)
                .isLessThan(16L * 1024 * 1024);
    }

    @Test
    void shouldRejectAQuotedRowOfManyShortLinesLongerThanTheRecordLimitWithItsStartLine() throws IOException {
        // given: a quoted cell running over 2 million short lines (each cell stays small, the record does not)
        String manyLines = "a\n".repeat(1024);
        List<String> parts = new ArrayList<>();
        parts.add(HEADER + "P1,anus,\"");
        for (int i = 0; i < 2048; i++) {
            parts.add(manyLines);
        }
        parts.add("\"\nP2,anus,anal_canal,\n");
        long allocatedBefore = allocatedByThisThread();

        // when
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new PartsReader(parts, 0, ' ', ""))) {
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }

        // then: rejected at the line where it starts; the next row keeps its true line
        assertThat(records).hasSize(3);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).malformed()).contains("longer than");
        assertThat(records.get(2).cells()).first().isEqualTo("P2");
        assertThat(records.get(2).line()).isEqualTo(3L + 2048 * 1024);
        assertThat(allocatedByThisThread() - allocatedBefore).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void shouldStreamAFileOfSeveralGigabytesThroughReaderValidatorAndAssessorInFlatMemory() throws IOException {
        // given: 3 GiB of rows made on the fly; each row carries a 16 KiB ignored column, and every
        // 1000th row an invalid primary site
        long bytes = 3L * 1024 * 1024 * 1024;
        GeneratedCohort cohort = new GeneratedCohort(bytes, 16 * 1024);
        CsvRecordReader reader = new CsvRecordReader(new InputStreamReader(cohort, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        CohortHeader header = CohortHeader.of("generated.csv", reader.next().cells());
        CohortRowValidator validator = new CohortRowValidator(RUN_DATE);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = usedHeapAfterGc(memory);
        long highest = start;
        long read = 0;
        long assessed = 0;
        long rejected = 0;
        long started = System.nanoTime();

        // when
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            read++;
            CohortRowValidator.Result result = validator.validate("generated.csv", header, record);
            if (result instanceof CohortRowValidator.Valid valid) {
                GuidelineAssessor.assess(valid.record().toCase());
                assessed++;
            } else {
                rejected++;
            }
            if (read % 50_000 == 0) {
                highest = Math.max(highest, usedHeapAfterGc(memory));
            }
        }
        highest = Math.max(highest, usedHeapAfterGc(memory));
        double seconds = (System.nanoTime() - started) / 1e9;

        // then
        assertThat(cohort.produced()).isGreaterThanOrEqualTo(bytes);
        assertThat(read).isEqualTo(cohort.rows());
        assertThat(read).isEqualTo(assessed + rejected);
        assertThat(rejected).isEqualTo(cohort.rows() / 1000);
        assertThat(highest - start).as("heap growth over %d bytes (%d rows) in %.1f s", cohort.produced(), read,
                seconds).isLessThan(24L * 1024 * 1024);
        System.out.printf("streamed %d MiB, %d rows in %.1f s (%.0f MiB/s), heap growth %d KiB%n",
                cohort.produced() >> 20, read, seconds, (cohort.produced() >> 20) / seconds, (highest - start) >> 10);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long allocatedByThisThread() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Text parts, then {@code fillCount} copies of one character, then a tail: no allocation per read. */
    private static final class PartsReader extends Reader {
        private final List<String> head;
        private final String tail;
        private final char fill;
        private long fillLeft;
        private int part;
        private int offset;
        private int tailOffset;

        PartsReader(List<String> head, long fillCount, char fill, String tail) {
            this.head = head;
            this.fillLeft = fillCount;
            this.fill = fill;
            this.tail = tail;
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (part < head.size()) {
                String text = head.get(part);
                int n = Math.min(len, text.length() - offset);
                text.getChars(offset, offset + n, buffer, off);
                offset += n;
                if (offset == text.length()) {
                    part++;
                    offset = 0;
                }
                return n;
            }
            if (fillLeft > 0) {
                int n = (int) Math.min(len, fillLeft);
                Arrays.fill(buffer, off, off + n, fill);
                fillLeft -= n;
                return n;
            }
            if (tailOffset < tail.length()) {
                int n = Math.min(len, tail.length() - tailOffset);
                tail.getChars(tailOffset, tailOffset + n, buffer, off);
                tailOffset += n;
                return n;
            }
            return -1;
        }

        @Override
        public void close() {
        }
    }

    /**
     * A cohort file as UTF-8 bytes, at least {@code bytes} long, made row by row as it is read: distinct
     * ids, a notes column of {@code noteLength} characters the reader must still walk through.
     */
    private static final class GeneratedCohort extends InputStream {
        private final long bytes;
        private final byte[] notes;
        private final byte[] header = (HEADER).getBytes(StandardCharsets.UTF_8);
        private byte[] current;
        private int position;
        private long produced;
        private long rows;

        GeneratedCohort(long bytes, int noteLength) {
            this.bytes = bytes;
            String unit = "note, with \"\"quotes\"\" and caf\u00e9 ";
            this.notes = ("\"" + unit.repeat(noteLength / unit.length())).getBytes(StandardCharsets.UTF_8);
            this.current = header;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (position == current.length) {
                if (produced >= bytes) {
                    return -1;
                }
                rows++;
                current = row(rows);
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, buffer, off, n);
            position += n;
            produced += n;
            return n;
        }

        private byte[] row(long n) {
            String id = "G" + n + (n % 1000 == 0 ? ",C99.99,anal_canal," : ",C21.1,anal_canal;liver,");
            byte[] start = id.getBytes(StandardCharsets.US_ASCII);
            // the row is built in one array that is dropped after it is read: nothing accumulates
            byte[] row = new byte[start.length + notes.length + 2];
            System.arraycopy(start, 0, row, 0, start.length);
            System.arraycopy(notes, 0, row, start.length, notes.length);
            row[row.length - 2] = '"';
            row[row.length - 1] = '\n';
            return row;
        }

        long produced() {
            return produced;
        }

        long rows() {
            return rows;
        }
    }
}
