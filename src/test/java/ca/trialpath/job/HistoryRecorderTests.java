package ca.trialpath.job;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.history.PersonResult;
import java.io.IOException;
import java.io.StringReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class HistoryRecorderTests {

    private static final CSVFormat HEADED = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    @Test
    void shouldTakeAPersonFromAnAssessmentsRowWithoutTheSpreadsheetApostrophe() throws IOException {
        // given
        CSVRecord row = row("patient_id,pathway,options,trial_priority,review_flags\n"
                + "'-123,LOCAL_RECURRENCE,ABDOMINOPERINEAL_RESECTION,ROUTINE,PRIOR_TREATMENT_MISSING\n");

        // when
        PersonResult person = HistoryRecorder.person(row);

        // then: no matched_trials column (before trials are matched): no trials
        assertThat(person).isEqualTo(new PersonResult("-123", "LOCAL_RECURRENCE", "ABDOMINOPERINEAL_RESECTION",
                "ROUTINE", "", "PRIOR_TREATMENT_MISSING"));
    }

    @Test
    void shouldReadTheMatchedTrialsWhenAssessmentsCarryThem() throws IOException {
        // given
        CSVRecord row = row("patient_id,pathway,options,trial_priority,review_flags,matched_trials\n"
                + "TP-1,DISTANT_METASTASIS,CHEMOTHERAPY,HIGH,,NCT01234567;NCT07654321\n");

        // when / then
        assertThat(HistoryRecorder.person(row).matchedTrials()).isEqualTo("NCT01234567;NCT07654321");
    }

    private static CSVRecord row(String csv) throws IOException {
        return HEADED.parse(new StringReader(csv)).getRecords().get(0);
    }
}
