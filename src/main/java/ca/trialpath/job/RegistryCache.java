package ca.trialpath.job;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.PrimarySite;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.RecurrenceType;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentWish;
import ca.trialpath.naaccr.NaaccrNotes;
import ca.trialpath.report.RunFolders;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The patients in scope of one NAACCR file as the index read them (mapped, validated, joined with the supplement),
 * kept in the run's staging folder for the file's partition: the XML is parsed once per run, not once by the index
 * and again by the assessment, so a patient without an anal tumour costs one reading (issue 14, point 7). The
 * patients out of scope are only counted, in the trailer. A restarted partition reads the cache again from its
 * start, as it would the file; a missing or cut cache fails the run (it is the run's own file, never an input).
 */
final class RegistryCache {

    private static final int MAGIC = 0x4e414143; // "NAAC"
    private static final byte ASSESSED = 'A';
    private static final byte REJECTED = 'R';
    private static final byte END = 'E';

    private RegistryCache() {
    }

    static Path file(RunFolders.Staging staging, int fileIndex) {
        return CohortIndexing.idsFolder(staging).resolve("naaccr-" + fileIndex + ".cache");
    }

    /** The counts of a whole file, from the trailer. */
    record Trailer(long patients, long inScope, long notInScope, long provincesDropped) {
    }

    /** Writes the cache of one file, patient after patient. */
    static final class Writer implements Closeable {

        private final DataOutputStream out;
        private long inScope;

        Writer(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            out.writeInt(MAGIC);
        }

        void assessed(PatientRecord r, NaaccrNotes notes) throws IOException {
            inScope++;
            out.writeByte(ASSESSED);
            text(r.patientId());
            text(r.sourceFile());
            out.writeLong(r.sourceLine());
            text(r.birthDate() == null ? null : r.birthDate().toString());
            text(r.sex());
            text(r.province());
            text(r.primarySite());
            text(r.scope().name());
            text(r.histology());
            text(r.recurrenceDate() == null ? null : r.recurrenceDate().toString());
            text(r.recurrenceTypeCode());
            text(r.recurrenceType() == null ? null : r.recurrenceType().name());
            list(r.recurrenceSites());
            list(r.priorTreatments().stream().map(Enum::name).toList());
            text(r.surgeryPossible() == null ? null : r.surgeryPossible().name());
            list(r.symptoms());
            out.writeInt(r.ecog() == null ? -1 : r.ecog());
            text(r.treatmentWish() == null ? null : r.treatmentWish().name());
            out.writeBoolean(notes.severalAnalPrimaries());
            out.writeBoolean(notes.provinceDropped());
            out.writeBoolean(notes.noTreatmentGiven());
        }

        void rejected(RejectedRow row) throws IOException {
            inScope++;
            out.writeByte(REJECTED);
            text(row.sourceFile());
            out.writeLong(row.line());
            text(row.patientId());
            text(row.reason().name());
            text(row.message());
        }

        /** The last record: the file's counts. */
        void end(long patients, long notInScope, long provincesDropped) throws IOException {
            out.writeByte(END);
            out.writeLong(patients);
            out.writeLong(inScope);
            out.writeLong(notInScope);
            out.writeLong(provincesDropped);
        }

        private void text(String value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        private void list(List<String> values) throws IOException {
            out.writeInt(values.size());
            for (String value : values) {
                text(value);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads a cache back: the patients in scope in file order, then the trailer. */
    static final class Reader implements Closeable {

        private final DataInputStream in;
        private final Path file;
        private Trailer trailer;

        Reader(Path file) throws IOException {
            this.file = file;
            if (!Files.exists(file)) {
                throw new IllegalStateException("the index's reading of a NAACCR file, " + file + ", is gone; abandon"
                        + " this run and run the command again");
            }
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            if (in.readInt() != MAGIC) {
                throw damaged(null);
            }
        }

        /** The next patient in scope, or {@code null} once the trailer is read ({@link #trailer()}). */
        SourcedRecord.Registry next() throws IOException {
            if (trailer != null) {
                return null;
            }
            try {
                byte kind = in.readByte();
                if (kind == END) {
                    trailer = new Trailer(in.readLong(), in.readLong(), in.readLong(), in.readLong());
                    return null;
                }
                if (kind == REJECTED) {
                    return new SourcedRecord.Registry(null, null, new RejectedRow(text(), in.readLong(), text(),
                            ReasonCode.valueOf(text()), text()));
                }
                if (kind != ASSESSED) {
                    throw damaged(null);
                }
                String id = text();
                String sourceFile = text();
                long line = in.readLong();
                String birth = text();
                String sex = text();
                String province = text();
                String site = text();
                PrimarySite.Scope scope = PrimarySite.Scope.valueOf(text());
                String histology = text();
                String recurrenceDate = text();
                String typeCode = text();
                String type = text();
                List<String> sites = list();
                List<PriorTreatment> prior = list().stream().map(PriorTreatment::valueOf).toList();
                String surgery = text();
                List<String> symptoms = list();
                int ecog = in.readInt();
                String wish = text();
                NaaccrNotes notes = new NaaccrNotes(in.readBoolean(), in.readBoolean(), in.readBoolean());
                PatientRecord record = new PatientRecord(id, sourceFile, line,
                        birth == null ? null : LocalDate.parse(birth), sex, province, site, scope, histology,
                        recurrenceDate == null ? null : LocalDate.parse(recurrenceDate), typeCode,
                        type == null ? null : RecurrenceType.valueOf(type), sites, prior,
                        surgery == null ? null : SurgeryPossible.valueOf(surgery), symptoms, ecog < 0 ? null : ecog,
                        wish == null ? null : TreatmentWish.valueOf(wish));
                return new SourcedRecord.Registry(record, notes, null);
            } catch (EOFException e) {
                throw damaged(e);
            }
        }

        Trailer trailer() {
            return trailer;
        }

        private IllegalStateException damaged(Exception cause) {
            return new IllegalStateException("the index's reading of a NAACCR file, " + file + ", is cut short or"
                    + " damaged; abandon this run and run the command again", cause);
        }

        private String text() throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new EOFException();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private List<String> list() throws IOException {
            int size = in.readInt();
            List<String> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(text());
            }
            return List.copyOf(values);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
