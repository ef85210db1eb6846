package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CohortHeaderTests {

    @Test
    void shouldFindColumnsCaseInsensitivelyAfterTrimmingInAnyOrder() {
        // given
        List<String> cells = List.of(" Primary_Site ", "ECOG", "PATIENT_ID\t", "sex");

        // when
        CohortHeader header = CohortHeader.of("a.csv", cells);

        // then
        List<String> row = List.of(" C21.1 ", "2", " P1 ", "F");
        assertThat(header.cell(row, CohortColumn.PATIENT_ID)).isEqualTo("P1");
        assertThat(header.cell(row, CohortColumn.PRIMARY_SITE)).isEqualTo("C21.1");
        assertThat(header.cell(row, CohortColumn.ECOG)).isEqualTo("2");
        assertThat(header.cell(row, CohortColumn.SEX)).isEqualTo("F");
        assertThat(header.width()).isEqualTo(4);
        assertThat(header.ignoredColumns()).isEmpty();
    }

    @Test
    void shouldAcceptEveryColumnOfTheSpec() {
        // given
        List<String> cells = List.of("patient_id", "birth_date", "sex", "province", "primary_site", "histology",
                "recurrence_date", "recurrence_type", "recurrence_sites", "prior_treatments", "surgery_possible",
                "symptoms", "ecog", "treatment_wish");

        // when
        CohortHeader header = CohortHeader.of("a.csv", cells);

        // then
        assertThat(header.ignoredColumns()).isEmpty();
        for (int i = 0; i < cells.size(); i++) {
            List<String> row = new java.util.ArrayList<>(java.util.Collections.nCopies(cells.size(), ""));
            row.set(i, "v" + i);
            assertThat(header.cell(row, CohortColumn.ofHeader(cells.get(i)).orElseThrow())).isEqualTo("v" + i);
        }
    }

    @Test
    void shouldIgnoreAndListExtraColumnsInHeaderOrder() {
        // given
        List<String> cells = List.of("notes", "patient_id", " Site Comment ", "primary_site", "");

        // when
        CohortHeader header = CohortHeader.of("a.csv", cells);

        // then
        assertThat(header.ignoredColumns()).containsExactly("notes", "Site Comment", "(unnamed column 5)");
        assertThat(header.width()).isEqualTo(5);
        assertThat(header.cell(List.of("n", "P1", "c", "anus", ""), CohortColumn.PRIMARY_SITE)).isEqualTo("anus");
    }

    @Test
    void shouldRejectHeaderWithoutPatientIdNamingTheFileAndTheColumn() {
        // given
        List<String> cells = List.of("id", "primary_site");

        // when / then
        assertThatThrownBy(() -> CohortHeader.of("cohort-2026.csv", cells))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith("cohort-2026.csv: ")
                .hasMessageContaining("'patient_id'")
                .hasMessageNotContaining("'primary_site'");
    }

    @Test
    void shouldRejectHeaderWithoutPrimarySiteNamingTheFileAndTheColumn() {
        // given
        List<String> cells = List.of("patient_id", "site");

        // when / then
        assertThatThrownBy(() -> CohortHeader.of("cohort-2026.csv", cells))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith("cohort-2026.csv: ")
                .hasMessageContaining("'primary_site'")
                .hasMessageNotContaining("'patient_id'");
    }

    @Test
    void shouldNameBothRequiredColumnsWhenBothAreMissing() {
        assertThatThrownBy(() -> CohortHeader.of("x.csv", List.of("sex")))
                .isInstanceOf(CohortFileException.class)
                .hasMessageContaining("'patient_id'")
                .hasMessageContaining("'primary_site'");
    }

    @Test
    void shouldRejectAKnownColumnThatAppearsTwiceEvenInAnotherCase() {
        // given
        List<String> cells = List.of("patient_id", "primary_site", " SEX ", "sex");

        // when / then
        assertThatThrownBy(() -> CohortHeader.of("twice.csv", cells))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith("twice.csv: ")
                .hasMessageContaining("'sex' appears twice")
                .hasMessageContaining("columns 3 and 4");
    }

    @Test
    void shouldRejectARequiredColumnThatAppearsTwice() {
        assertThatThrownBy(() -> CohortHeader.of("twice.csv", List.of("Patient_Id", "primary_site", "patient_id")))
                .isInstanceOf(CohortFileException.class)
                .hasMessageContaining("'patient_id' appears twice");
    }

    @Test
    void shouldGiveAnEmptyCellForAnAbsentColumnOrAShortRecord() {
        // given
        CohortHeader header = CohortHeader.of("a.csv", List.of("patient_id", "primary_site", "ecog"));

        // when
        String absent = header.cell(List.of("P1", "anus", "1"), CohortColumn.SEX);
        String beyondTheRecord = header.cell(List.of("P1"), CohortColumn.ECOG);

        // then
        assertThat(absent).isEmpty();
        assertThat(beyondTheRecord).isEmpty();
    }

    @Test
    void shouldNameAnIgnoredColumnOnceWhenItAppearsTwice() {
        // when
        CohortHeader header = CohortHeader.of("cohort.csv", List.of("patient_id", "notes", "primary_site", "Notes ", "notes"));

        // then
        assertThat(header.ignoredColumns()).containsExactly("notes", "Notes");
    }

    @Test
    void shouldNotEchoADataRowTakenForAHeaderNotEvenItsCellsThatLookLikeColumnNames() {
        // given: a file whose first line is a data row (an export without its header): names, a hospital, a
        // birth date; "Jane Marie Doe" and "Montreal General" are letters and spaces, as column names are
        List<String> cells = List.of("Jane Marie Doe", "Montreal General", "1959-01-28", "F", "QC", "C21.1");

        // when / then: the message goes to the log and the job repository; no cell of the row may
        assertThatThrownBy(() -> CohortHeader.of("no-header.csv", cells))
                .isInstanceOf(CohortFileException.class)
                .hasMessageContaining("no required column 'patient_id' or 'primary_site'")
                .hasMessageContaining("(header: none of the format's columns and 6 other cells, not shown")
                .hasMessageContaining("does the file start with a data row")
                .satisfies(e -> assertThat(cells).noneSatisfy(cell -> assertThat(e.getMessage()).contains(cell)));
    }

    @Test
    void shouldNameTheKnownColumnsOfAHeaderThatLacksARequiredOneButNotItsOtherCells() {
        // given: a real header with a typo in a required column and a column of its own
        List<String> cells = List.of("patient_id", "primry_site", " Sex ", "registry note");

        // when / then
        assertThatThrownBy(() -> CohortHeader.of("typo.csv", cells))
                .hasMessageContaining("no required column 'primary_site'")
                .hasMessageContaining("(header: columns patient_id,sex and 2 other cells, not shown")
                .hasMessageNotContaining("primry_site")
                .hasMessageNotContaining("registry note");
    }
}
