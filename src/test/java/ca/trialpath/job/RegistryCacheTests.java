package ca.trialpath.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.PrimarySite;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.RecurrenceType;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentWish;
import ca.trialpath.naaccr.NaaccrNotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCacheTests {

    @TempDir
    private Path temp;

    private static final PatientRecord FULL = new PatientRecord("N1", "registry.xml", 12, LocalDate.of(1960, 1, 2),
            "F", "ON", "C21.1", PrimarySite.Scope.ANAL_CANAL, "8070/3", LocalDate.of(2026, 1, 3), "13",
            RecurrenceType.ofCode("13").orElseThrow(), List.of("anal_canal", "ünknown, term"),
            List.of(PriorTreatment.CHEMORADIATION, PriorTreatment.SURGERY), SurgeryPossible.NO, List.of("bleeding"), 2,
            TreatmentWish.DECLINES_TREATMENT);
    private static final PatientRecord EMPTY = new PatientRecord("N2", "registry.xml", 30, null, null, null,
            "perianal_skin", PrimarySite.Scope.PERIANAL_SKIN, null, null, null, null, List.of(), List.of(),
            SurgeryPossible.UNKNOWN, List.of(), null, TreatmentWish.WANTS_TREATMENT);

    @Test
    void shouldReadBackEveryPatientInScopeAndTheCounts() throws Exception {
        // given
        Path file = temp.resolve("cache");
        RejectedRow reject = new RejectedRow("registry.xml", 40, null, ReasonCode.INVALID_VALUE, "item 400 primarySite");
        try (RegistryCache.Writer writer = new RegistryCache.Writer(file)) {
            writer.assessed(FULL, new NaaccrNotes(true, false, false));
            writer.rejected(reject);
            writer.assessed(EMPTY, new NaaccrNotes(false, true, true));
            writer.end(10, 7, 1);
        }

        // when
        try (RegistryCache.Reader reader = new RegistryCache.Reader(file)) {
            // then
            assertThat(reader.next()).isEqualTo(new SourcedRecord.Registry(FULL, new NaaccrNotes(true, false, false), null));
            assertThat(reader.next()).isEqualTo(new SourcedRecord.Registry(null, null, reject));
            assertThat(reader.next()).isEqualTo(new SourcedRecord.Registry(EMPTY, new NaaccrNotes(false, true, true), null));
            assertThat(reader.next()).isNull();
            assertThat(reader.trailer()).isEqualTo(new RegistryCache.Trailer(10, 3, 7, 1));
        }
    }

    @Test
    void shouldFailOnACacheCutShortOrMissing() throws Exception {
        // given
        Path file = temp.resolve("cache");
        try (RegistryCache.Writer writer = new RegistryCache.Writer(file)) {
            writer.assessed(FULL, new NaaccrNotes(false, false, false));
            writer.end(1, 0, 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));

        // when / then
        try (RegistryCache.Reader reader = new RegistryCache.Reader(file)) {
            assertThatThrownBy(() -> {
                while (reader.next() != null) {
                    // read on
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short or damaged");
        }
        assertThatThrownBy(() -> new RegistryCache.Reader(temp.resolve("gone")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is gone");
    }
}
