package ca.trialpath.output;

import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.PatientRecord;
import java.time.LocalDate;
import java.util.List;

/** Validated people for the tests of the owners of the published files, made as the job makes them. */
public final class People {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);
    private static final CohortHeader HEADER = CohortHeader.of("c.csv", List.of("patient_id", "birth_date", "sex",
            "province", "primary_site", "recurrence_date", "recurrence_sites", "prior_treatments", "surgery_possible",
            "symptoms"));

    private People() {
    }

    /** A person of {@code file} at {@code line} with these cells of the header above (from sex on). */
    public static PatientRecord person(String file, long line, String id, String sex, String province,
            String sites, String prior, String surgery) {
        var result = new CohortRowValidator(RUN_DATE).validate(file, HEADER, new CsvRecord(line,
                List.of(id, "1960-05-04", sex, province, "C21.1", "2024-01-01", sites, prior, surgery, ""), null));
        return ((CohortRowValidator.Valid) result).record();
    }
}
