package ca.trialpath.batch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreeningPublicationTests {

    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 27);

    @TempDir
    Path temp;

    /** A partition's feed of one pair, as ScreeningFeed writes it. */
    private List<Path> feedOfOnePair() throws Exception {
        Path feed = temp.resolve("screening.feed");
        Files.writeString(feed, "P1,NCT1,title,MATCH,LOCAL_RECURRENCE,LR2,AGE=MET,,true,,,QC\n");
        return List.of(feed);
    }

    @Test
    void shouldWriteTheLogWhenTheFeedsHoldEveryPairJudged() throws Exception {
        // when
        ScreeningPublication.Tonight tonight = new ScreeningPublication(10).publish(NIGHT, false, List.of(),
                feedOfOnePair(), 1, Map.of(), false, temp);

        // then
        assertThat(tonight.summary()).containsEntry("log_written", true).containsEntry("pairs", 1);
        assertThat(temp.resolve(ScreeningPublication.FILE)).exists();
    }

    @Test
    void shouldKeepLastNightsStatusesWhenTheFeedsHoldFewerPairsThanWereJudged() throws Exception {
        // when: a feed cut at a smaller max-pairs by the execution before a restart
        ScreeningPublication.Tonight tonight = new ScreeningPublication(10).publish(NIGHT, false, List.of(),
                feedOfOnePair(), 2, Map.of(), false, temp);

        // then
        assertThat(tonight.night()).isNull();
        assertThat(tonight.summary()).containsEntry("log_written", false);
        assertThat((String) tonight.summary().get("note")).contains("hold 1 of tonight's 2 pairs");
        assertThat(temp.resolve(ScreeningPublication.FILE)).doesNotExist();
    }
}
