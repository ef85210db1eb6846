package ca.trialpath.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonChangesTests {

    private static final PersonResult BEFORE = new PersonResult("TP-1", "LOCAL_RECURRENCE", "APR;SALVAGE_CHEMO",
            "ROUTINE", "NCT00000001;NCT00000002", "PRIOR_TREATMENT_MISSING");

    @Test
    void shouldSayNothingWhenNothingChanged() {
        // when
        List<Change> changes = between(BEFORE, BEFORE);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void shouldNotCountAChangeOfReviewFlagsAlone() {
        // given
        PersonResult after = new PersonResult("TP-1", "LOCAL_RECURRENCE", "APR;SALVAGE_CHEMO", "ROUTINE",
                "NCT00000001;NCT00000002", "");

        // when / then
        assertThat(between(BEFORE, after)).isEmpty();
    }

    @Test
    void shouldGiveANewPersonOneRowWithTheirPathway() {
        // when
        List<Change> changes = between(null, BEFORE);

        // then
        assertThat(changes).containsExactly(new Change("TP-1", ChangeKind.NEW_PERSON, "", "LOCAL_RECURRENCE"));
    }

    @Test
    void shouldGiveAPersonNoLongerPresentOneRowWithTheirLastPathway() {
        // when
        List<Change> changes = between(BEFORE, null);

        // then
        assertThat(changes).containsExactly(new Change("TP-1", ChangeKind.NO_LONGER_PRESENT, "LOCAL_RECURRENCE", ""));
    }

    @Test
    void shouldReportAChangedPathway() {
        // given
        PersonResult after = with(BEFORE, "DISTANT_METASTASIS", BEFORE.options(), BEFORE.trialPriority(),
                BEFORE.matchedTrials());

        // then
        assertThat(between(BEFORE, after))
                .containsExactly(new Change("TP-1", ChangeKind.PATHWAY_CHANGED, "LOCAL_RECURRENCE", "DISTANT_METASTASIS"));
    }

    @Test
    void shouldReportAChangedPriority() {
        // given
        PersonResult after = with(BEFORE, BEFORE.pathway(), BEFORE.options(), "HIGH", BEFORE.matchedTrials());

        // then
        assertThat(between(BEFORE, after))
                .containsExactly(new Change("TP-1", ChangeKind.PRIORITY_CHANGED, "ROUTINE", "HIGH"));
    }

    @Test
    void shouldReportChangedOptionsAsBothLists() {
        // given
        PersonResult after = with(BEFORE, BEFORE.pathway(), "", BEFORE.trialPriority(), BEFORE.matchedTrials());

        // then
        assertThat(between(BEFORE, after))
                .containsExactly(new Change("TP-1", ChangeKind.OPTIONS_CHANGED, "APR;SALVAGE_CHEMO", ""));
    }

    @Test
    void shouldReportEachTrialNewlyMatchedAndEachNoLongerMatched() {
        // given
        PersonResult after = with(BEFORE, BEFORE.pathway(), BEFORE.options(), BEFORE.trialPriority(),
                "NCT00000002;NCT00000003;NCT00000004");

        // then
        assertThat(between(BEFORE, after)).containsExactly(
                new Change("TP-1", ChangeKind.TRIAL_MATCHED, "", "NCT00000003"),
                new Change("TP-1", ChangeKind.TRIAL_MATCHED, "", "NCT00000004"),
                new Change("TP-1", ChangeKind.TRIAL_NO_LONGER_MATCHED, "NCT00000001", ""));
    }

    @Test
    void shouldListSeveralChangesOfOnePersonInTheOrderOfTheKinds() {
        // given
        PersonResult after = with(BEFORE, "UNDETERMINED", "", "HIGH", "");

        // then
        assertThat(between(BEFORE, after)).extracting(Change::kind).containsExactly(ChangeKind.PATHWAY_CHANGED,
                ChangeKind.PRIORITY_CHANGED, ChangeKind.OPTIONS_CHANGED, ChangeKind.TRIAL_NO_LONGER_MATCHED,
                ChangeKind.TRIAL_NO_LONGER_MATCHED);
    }

    private static PersonResult with(PersonResult p, String pathway, String options, String priority, String trials) {
        return new PersonResult(p.patientId(), pathway, options, priority, trials, p.reviewFlags());
    }

    private static List<Change> between(PersonResult before, PersonResult after) {
        List<Change> changes = new ArrayList<>();
        PersonChanges.between(before, after, changes::add);
        return changes;
    }
}
