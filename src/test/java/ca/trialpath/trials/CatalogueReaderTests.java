package ca.trialpath.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three shapes of the API v2, each skip reason, and bad JSON with file, line and column. */
class CatalogueReaderTests {

    @TempDir
    private Path folder;

    private final List<Study> studies = new ArrayList<>();
    private final List<SkipReason> skipped = new ArrayList<>();

    private final CatalogueReader.Visitor visitor = new CatalogueReader.Visitor() {
        @Override
        public void study(Study study) {
            studies.add(study);
        }

        @Override
        public void skipped(SkipReason reason, String file, String detail) {
            skipped.add(reason);
        }
    };

    static String study(String nctId) {
        return """
                {"protocolSection": {
                  "identificationModule": {"nctId": "%s", "briefTitle": "[SAMPLE] %s"},
                  "statusModule": {"overallStatus": "RECRUITING"},
                  "conditionsModule": {"conditions": ["Anal Cancer"], "keywords": ["anal canal"]},
                  "designModule": {"phases": ["PHASE1", "PHASE2"], "futureField": {"x": [1, 2]}},
                  "eligibilityModule": {"sex": "FEMALE", "minimumAge": "18 Years", "maximumAge": "N/A"},
                  "contactsLocationsModule": {"locations": [
                    {"facility": "A", "city": "Montréal", "state": "Québec", "country": "Canada"},
                    {"facility": "B", "city": "Ottawa", "state": "Ontario", "country": "Canada", "status": "COMPLETED"},
                    {"facility": "C", "city": "Boston", "state": "Massachusetts", "country": "United States", "status": "RECRUITING"}
                  ]}
                 },
                 "hasResults": false}
                """.formatted(nctId, nctId);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content);
    }

    private void read(String content) throws Exception {
        new CatalogueReader().read(file("c.json", content), visitor);
    }

    @Test
    void shouldReadASingleStudyWithEveryFieldTrialsMdUses() throws Exception {
        // when
        read(study("NCT99000001"));

        // then
        assertThat(studies).hasSize(1);
        Study s = studies.get(0);
        assertThat(s.nctId()).isEqualTo("NCT99000001");
        assertThat(s.briefTitle()).isEqualTo("[SAMPLE] NCT99000001");
        assertThat(s.isRecruiting()).isTrue();
        assertThat(s.concernsAnalCancer()).isTrue();
        assertThat(s.phases()).containsExactly("PHASE1", "PHASE2");
        assertThat(s.sex()).isEqualTo("FEMALE");
        assertThat(s.minimumAge()).isEqualTo(new EligibleAge(18, java.time.temporal.ChronoUnit.YEARS));
        assertThat(s.maximumAge()).isEqualTo(EligibleAge.NO_LIMIT);
        assertThat(s.sites()).hasSize(3);
        assertThat(s.recruitingCanadianSites()).extracting(Site::city).containsExactly("Montréal");
        assertThat(s.recruitingProvinces()).containsExactly("QC");
        assertThat(s.openInCanada()).isTrue();
    }

    @Test
    void shouldReadAPageOfStudiesWhateverItsOtherFields() throws Exception {
        // when
        read("{\"totalCount\": 2, \"studies\": [" + study("NCT99000001") + "," + study("NCT99000002")
                + "], \"nextPageToken\": \"abc\"}");

        // then
        assertThat(studies).extracting(Study::nctId).containsExactly("NCT99000001", "NCT99000002");
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldReadAnArrayOfStudies() throws Exception {
        // when
        read("[" + study("NCT99000001") + "," + study("NCT99000002") + "," + study("NCT99000003") + "]");

        // then
        assertThat(studies).extracting(Study::nctId).containsExactly("NCT99000001", "NCT99000002", "NCT99000003");
    }

    @Test
    void shouldReadEveryJsonFileOfAFolderInNameOrder() throws Exception {
        // given
        file("b.json", study("NCT99000002"));
        file("a.json", "[" + study("NCT99000001") + "]");
        file("notes.txt", "not a catalogue");

        // when
        CatalogueReader reader = new CatalogueReader();
        List<Path> files = CatalogueReader.resolve(folder);
        for (Path f : files) {
            reader.read(f, visitor);
        }

        // then
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("a.json", "b.json");
        assertThat(studies).extracting(Study::nctId).containsExactly("NCT99000001", "NCT99000002");
    }

    @Test
    void shouldRefuseAMissingPathOrAFolderWithoutJson() throws Exception {
        // given
        file("notes.txt", "x");

        // when / then
        assertThatThrownBy(() -> CatalogueReader.resolve(folder.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> CatalogueReader.resolve(folder))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no *.json file");
    }

    @Test
    void shouldSkipAnEntryThatIsNotAStudy() throws Exception {
        // when
        read("[\"text\", {\"derivedSection\": {}}, " + study("NCT99000001") + "]");

        // then
        assertThat(skipped).containsExactly(SkipReason.NOT_A_STUDY, SkipReason.NOT_A_STUDY);
        assertThat(studies).hasSize(1);
    }

    @Test
    void shouldSkipAStudyWithoutNctId() throws Exception {
        // when
        read("[" + study("NCT99000001").replace("\"nctId\": \"NCT99000001\", ", "") + ","
                + study("").replace("\"nctId\": \"\"", "\"nctId\": \"  \"") + "]");

        // then
        assertThat(skipped).containsExactly(SkipReason.NO_NCT_ID, SkipReason.NO_NCT_ID);
    }

    @Test
    void shouldSkipAnInvalidNctId() throws Exception {
        // when
        read(study("NCT123"));

        // then
        assertThat(skipped).containsExactly(SkipReason.INVALID_NCT_ID);
    }

    @Test
    void shouldSkipADuplicateNctIdAcrossFilesKeepingTheFirst() throws Exception {
        // given
        CatalogueReader reader = new CatalogueReader();

        // when
        reader.read(file("a.json", study("NCT99000001")), visitor);
        reader.read(file("b.json", study("NCT99000001").replace("RECRUITING", "COMPLETED")), visitor);

        // then
        assertThat(skipped).containsExactly(SkipReason.DUPLICATE_NCT_ID);
        assertThat(studies).singleElement().satisfies(s -> assertThat(s.isRecruiting()).isTrue());
    }

    @Test
    void shouldSkipAnAgeThatIsNeitherNumberAndUnitNorNA() throws Exception {
        // when
        read(study("NCT99000001").replace("\"18 Years\"", "\"eighteen\""));

        // then
        assertThat(skipped).containsExactly(SkipReason.INVALID_AGE);
    }

    @Test
    void shouldSkipAnUnknownSex() throws Exception {
        // when
        read(study("NCT99000001").replace("\"FEMALE\"", "\"BOTH\""));

        // then
        assertThat(skipped).containsExactly(SkipReason.INVALID_SEX);
    }

    @Test
    void shouldTakeAbsentFieldsAsNoLimitAndNoSites() throws Exception {
        // when
        read("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT99000001\"}}}");

        // then
        Study s = studies.get(0);
        assertThat(s.sex()).isEqualTo("ALL");
        assertThat(s.minimumAge().isLimit()).isFalse();
        assertThat(s.sites()).isEmpty();
        assertThat(s.overallStatus()).isNull();
        assertThat(s.phaseRank()).isZero();
    }

    @Test
    void shouldFailOnInvalidJsonNamingFileLineAndColumn() throws Exception {
        // given
        Path bad = file("bad.json", "[\n" + study("NCT99000001") + ",\n  {\"protocolSection\": [1, }\n]");

        // when / then
        assertThatThrownBy(() -> new CatalogueReader().read(bad, visitor))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("is not valid JSON at line 16, column 27");
    }

    @Test
    void shouldFailOnContentAfterTheJsonValueAndOnAnEmptyFile() throws Exception {
        // given
        Path twice = file("twice.json", study("NCT99000001") + "\n" + study("NCT99000002"));
        Path empty = file("empty.json", "  \n");

        // when / then
        assertThatThrownBy(() -> new CatalogueReader().read(twice, visitor))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("line 15, column 2")
                .hasMessageContaining("more content after the first JSON value");
        assertThatThrownBy(() -> new CatalogueReader().read(empty, visitor))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("is empty");
    }
}
