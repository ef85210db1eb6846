package ca.trialpath.trials;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.SurgeryPossible;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the criteria read of one person; {@code null} where the record says nothing.
 *
 * @param sex             {@code F}, {@code M}, {@code X}, {@code U} or {@code null}
 * @param priorTreatments empty when none is recorded
 */
public record PersonFacts(LocalDate birthDate, String sex, String province, Pathway pathway, String histology,
        Integer ecog, Set<PriorTreatment> priorTreatments, SurgeryPossible surgeryPossible) {

    public PersonFacts {
        priorTreatments = priorTreatments.isEmpty() ? Set.of() : Set.copyOf(priorTreatments);
        surgeryPossible = surgeryPossible == null ? SurgeryPossible.UNKNOWN : surgeryPossible;
    }

    public static PersonFacts of(PatientRecord record, Assessment assessment) {
        return of(record, assessment, record.birthDate());
    }

    /** @param birthDate the row's birth date, also when the record is de-identified and has none */
    public static PersonFacts of(PatientRecord record, Assessment assessment, LocalDate birthDate) {
        return new PersonFacts(birthDate, record.sex(), record.province(), assessment.pathway(),
                record.histology(), record.ecog(),
                record.priorTreatments().isEmpty() ? Set.of() : EnumSet.copyOf(record.priorTreatments()),
                record.surgeryPossible());
    }
}
