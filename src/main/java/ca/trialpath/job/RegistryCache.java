package ca.trialpath.job;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.naaccr.NaaccrNotes;
import ca.trialpath.report.RunFolders;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patients in scope of one NAACCR file as the index read them (mapped, validated, joined with the supplement),
 * kept in the run's staging folder for the file's partition: the XML is parsed once per run, not once by the index
 * and again by the assessment, so a patient without an anal tumour costs one reading (issue 14, point 7). The
 * patients out of scope are only counted, in the last line. A restarted partition reads the cache again from its
 * start, as it would the file; a missing or cut cache fails the run (it is the run's own file, never an input).
 *
 * <p>JSON Lines written and read by Jackson, one {@link Line} each: against a hand-written binary format it costs
 * about a second more for 100,000 patients in scope, a few per cent of such a run (docs/naaccr-input.md).
 */
final class RegistryCache {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RegistryCache() {
    }

    static Path file(RunFolders.Staging staging, int fileIndex) {
        return CohortIndexing.idsFolder(staging).resolve("naaccr-" + fileIndex + ".jsonl");
    }

    /** The counts of a whole file, from the last line. */
    record Trailer(long patients, long inScope, long notInScope, long provincesDropped) {
    }

    /** One line: a patient assessed ({@code record}, {@code notes}) or rejected, or the file's counts (the last). */
    record Line(PatientRecord record, NaaccrNotes notes, RejectedRow rejected, Trailer end) {
    }

    /** Writes the cache of one file, patient after patient. */
    static final class Writer implements Closeable {

        private final SequenceWriter out;
        private long inScope;

        Writer(Path file) throws IOException {
            out = MAPPER.writerFor(Line.class).withRootValueSeparator("\n")
                    .writeValues(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        void assessed(PatientRecord record, NaaccrNotes notes) throws IOException {
            inScope++;
            out.write(new Line(record, notes, null, null));
        }

        void rejected(RejectedRow row) throws IOException {
            inScope++;
            out.write(new Line(null, null, row, null));
        }

        /** The last line: the file's counts. */
        void end(long patients, long notInScope, long provincesDropped) throws IOException {
            out.write(new Line(null, null, null, new Trailer(patients, inScope, notInScope, provincesDropped)));
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads a cache back: the patients in scope in file order, then the trailer. */
    static final class Reader implements Closeable {

        private final MappingIterator<Line> in;
        private final Path file;
        private Trailer trailer;

        Reader(Path file) throws IOException {
            this.file = file;
            if (!Files.exists(file)) {
                throw new IllegalStateException("the index's reading of a NAACCR file, " + file + ", is gone; abandon"
                        + " this run and run the command again");
            }
            try {
                in = MAPPER.readerFor(Line.class).readValues(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            } catch (JacksonException e) {
                throw damaged(e);
            }
        }

        /** The next patient in scope, or {@code null} once the trailer is read ({@link #trailer()}). */
        SourcedRecord.Registry next() throws IOException {
            if (trailer != null) {
                return null;
            }
            Line line;
            try {
                if (!in.hasNextValue()) {
                    throw damaged(null); // no trailer: cut short
                }
                line = in.nextValue();
            } catch (JacksonException e) {
                throw damaged(e);
            }
            if (line.end() != null) {
                trailer = line.end();
                return null;
            }
            if (line.rejected() != null) {
                return new SourcedRecord.Registry(null, null, line.rejected());
            }
            if (line.record() == null || line.notes() == null) {
                throw damaged(null);
            }
            return new SourcedRecord.Registry(line.record(), line.notes(), null);
        }

        Trailer trailer() {
            return trailer;
        }

        private IllegalStateException damaged(Exception cause) {
            return new IllegalStateException("the index's reading of a NAACCR file, " + file + ", is cut short or"
                    + " damaged; abandon this run and run the command again", cause);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
