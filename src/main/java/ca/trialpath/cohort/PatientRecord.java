package ca.trialpath.cohort;

import ca.trialpath.guideline.PrimarySite;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.RecurrenceCase;
import ca.trialpath.guideline.RecurrenceSites;
import ca.trialpath.guideline.RecurrenceType;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentWish;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One valid cohort row, its values parsed and its terms normalised. {@code null} means "not recorded".
 *
 * @param primarySite     the code as {@code C21.1} or the normalised term
 * @param recurrenceSites normalised site terms, duplicates removed, known and unknown
 */
public record PatientRecord(
        String patientId,
        String sourceFile,
        long sourceLine,
        LocalDate birthDate,
        String sex,
        String province,
        String primarySite,
        PrimarySite.Scope scope,
        String histology,
        LocalDate recurrenceDate,
        String recurrenceTypeCode,
        RecurrenceType recurrenceType,
        List<String> recurrenceSites,
        List<PriorTreatment> priorTreatments,
        SurgeryPossible surgeryPossible,
        List<String> symptoms,
        Integer ecog,
        TreatmentWish treatmentWish) {

    /** The facts the guideline's rules read. */
    public RecurrenceCase toCase() {
        return new RecurrenceCase(scope, histology, recurrenceType == null ? null : recurrenceTypeCode,
                recurrenceSites,
                priorTreatments.isEmpty() ? EnumSet.noneOf(PriorTreatment.class) : EnumSet.copyOf(priorTreatments),
                surgeryPossible, new LinkedHashSet<>(symptoms), ecog, treatmentWish);
    }

    /** Site terms the vocabulary does not know, for the coordinator to correct. */
    public List<String> unknownSiteTerms() {
        return recurrenceSites.stream().filter(site -> RecurrenceSites.extentOf(site).isEmpty()).toList();
    }

    /**
     * Whole years at the recurrence date, or at the run date when that is missing; {@code null} without
     * a birth date.
     */
    public Integer ageAtRecurrence(LocalDate runDate) {
        if (birthDate == null) {
            return null;
        }
        LocalDate at = recurrenceDate != null ? recurrenceDate : runDate;
        return Period.between(birthDate, at).getYears();
    }
}
