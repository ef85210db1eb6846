package ca.trialpath.trials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study facts coordinators need, from records as uneven as ClinicalTrials.gov's (src/test/resources/ctgov/uneven.json). */
class UnevenRecordsTests {

    private static List<Study> read(String resource) throws Exception {
        Path file = Path.of("src/test/resources/ctgov", resource);
        List<Study> studies = new ArrayList<>();
        new CatalogueReader().read(file, new CatalogueReader.Visitor() {
            @Override
            public void study(Study study) {
                studies.add(study);
            }

            @Override
            public void skipped(SkipReason reason, String f, String detail) {
                throw new AssertionError(detail);
            }
        });
        return studies;
    }

    private static Map<String, Site> sites(Study study) {
        return study.sites().stream().collect(Collectors.toMap(Site::facility, site -> site));
    }

    @Test
    void shouldGiveASiteOfACompletedStudyNoStatusAndNotRecruiting() throws Exception {
        Site site = read("uneven.json").get(0).sites().get(0);

        assertThat(site.status()).isNull();
        assertThat(site.recruiting()).isFalse();
        assertThat(site.province()).isEqualTo("AB");
        assertThat(site.geoPoint()).isEqualTo(new Site.GeoPoint(51.05011, -114.08529));
    }

    @Test
    void shouldLetASiteWithoutStatusFollowARecruitingStudy() throws Exception {
        Site site = sites(read("uneven.json").get(1)).get("No State, No GeoPoint, No Zip");

        assertThat(site.status()).isNull();
        assertThat(site.recruiting()).isTrue();
        assertThat(site.province()).isNull();
        assertThat(site.geoPoint()).isNull();
        assertThat(site.contact()).isNull();
    }

    @Test
    void shouldTakeTheProvinceOfASiteWithoutStateFromItsPostalCode() throws Exception {
        Map<String, Site> sites = sites(read("uneven.json").get(1));

        assertThat(sites.get("No State But A Postal Code").province()).isEqualTo("MB");
        assertThat(sites.get("Abroad").province()).isNull();
        assertThat(ProvinceNames.codeOfPostalCode("X1A 2B3")).isNull();
        assertThat(ProvinceNames.codeOfPostalCode("02215")).isNull();
        assertThat(ProvinceNames.codeOfPostalCode("h3t1e2")).isEqualTo("QC");
    }

    @Test
    void shouldMapAStateGivenAsAFullNameAndReadTheStatusInAnyCase() throws Exception {
        Site site = sites(read("uneven.json").get(1)).get("State As Full French Name");

        assertThat(site.province()).isEqualTo("NB");
        assertThat(site.status()).isEqualTo("RECRUITING");
        assertThat(site.recruiting()).isTrue();
    }

    @Test
    void shouldKeepAClosedSiteOfARecruitingStudyClosedWithAReachableContact() throws Exception {
        Site site = sites(read("uneven.json").get(1)).get("Closed Site");

        assertThat(site.status()).isEqualTo("WITHDRAWN");
        assertThat(site.recruiting()).isFalse();
        // the investigator has no phone or e-mail: the desk that can be reached is the contact
        assertThat(site.contact()).isEqualTo(new Site.Contact("Desk", null, "613-555-0199 ext. 42", null));
    }

    @Test
    void shouldPreferTheContactOfRoleContact() throws Exception {
        Site site = read("page-1.json").get(0).sites().get(0);

        assertThat(site.contact()).isEqualTo(new Site.Contact("Study Coordinator", "CONTACT", "416-555-0100",
                "trials@example.org"));
    }

    @Test
    void shouldKeepTheLastUpdateToTheMonthAndDropWhatIsNoDate() throws Exception {
        List<Study> studies = read("uneven.json");

        assertThat(studies.get(0).lastUpdatePosted()).isEqualTo("2016-07");
        assertThat(studies.get(1).lastUpdatePosted()).isNull();
        assertThat(read("page-1.json").get(0).lastUpdatePosted()).isEqualTo("2026-11-20");
    }

    @Test
    void shouldLinkEachStudyToItsPage() throws Exception {
        assertThat(read("uneven.json").get(0).link()).isEqualTo("https://clinicaltrials.gov/study/NCT99100011");
    }

    @Test
    void shouldNotReadTheDownloadRecordOrSuggestionsAsPages(@TempDir Path folder) throws Exception {
        Files.copy(Path.of("src/test/resources/ctgov/page-2.json"), folder.resolve("page-0001.json"));
        Files.writeString(folder.resolve(TrialFiles.DOWNLOAD_RECORD), "not even JSON");
        Files.writeString(folder.resolve(TrialFiles.CRITERIA_SUGGESTIONS), "{}");

        assertThat(CatalogueReader.resolve(folder)).extracting(path -> path.getFileName().toString())
                .containsExactly("page-0001.json");
        assertThat(DownloadRecord.of(folder)).isNull();
    }
}
