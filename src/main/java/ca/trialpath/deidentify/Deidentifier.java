package ca.trialpath.deidentify;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.RecurrenceSites;
import ca.trialpath.guideline.Symptoms;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes what a run publishes about a person de-identified (deidentify=true), at one point, before
 * anything is written: every output (CSV, JSON Lines, the report, and any output added later) then
 * inherits it. The patient id becomes its keyed pseudonym, the birth date is dropped (the age, computed
 * before, stays), and values typed freely rather than chosen from the vocabulary are dropped: symptom
 * terms other than those the rules read, and unknown recurrence-site terms (a coordinator may have typed
 * a name or a date there), which become {@code withheld_1}, {@code withheld_2}... so that the
 * {@code UNKNOWN_SITE_TERM} flag and the pathway's reason still show that one was there. The rules read
 * neither what is dropped nor the spelling of an unknown term, so the de-identified row is assessed to the
 * same pathway, options and flags as the full one.
 */
// the symptom terms rules.md reads are the pain and bleeding terms of section 4 (Symptoms); any other is free text
public final class Deidentifier {


    private final Pseudonyms pseudonyms;
    private final String keyId;

    public Deidentifier(PseudonymKey key) {
        this.pseudonyms = new Pseudonyms(key);
        this.keyId = key.id();
    }

    /** The tag of the key in use, recorded with the run so a restart with another key is noticed. */
    public String keyId() {
        return keyId;
    }

    public String pseudonym(String patientId) {
        return patientId == null ? null : pseudonyms.of(patientId);
    }

    public PatientRecord record(PatientRecord record) {
        List<String> sites = new ArrayList<>(record.recurrenceSites().size());
        int withheld = 0;
        for (String site : record.recurrenceSites()) {
            sites.add(RecurrenceSites.extentOf(site).isPresent() ? site : "withheld_" + ++withheld);
        }
        List<String> ruleSymptoms = record.symptoms().stream().filter(Symptoms::isPainOrBleeding).toList();
        return new PatientRecord(pseudonym(record.patientId()), record.sourceFile(), record.sourceLine(), null,
                record.sex(), record.province(), record.primarySite(), record.scope(), record.histology(),
                record.recurrenceDate(), record.recurrenceTypeCode(), record.recurrenceType(), List.copyOf(sites),
                record.priorTreatments(), record.surgeryPossible(), ruleSymptoms, record.ecog(),
                record.treatmentWish());
    }

    /** The message is already free of cell values: the validator withholds them in a de-identified run. */
    public RejectedRow rejected(RejectedRow row) {
        return new RejectedRow(row.sourceFile(), row.line(), pseudonym(row.patientId()), row.reason(), row.message());
    }
}
