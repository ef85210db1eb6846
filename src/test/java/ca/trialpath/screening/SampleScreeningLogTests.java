package ca.trialpath.screening;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** sample-data/screening/screening-log.csv is a valid log, with every status, for pairs the sample run really makes. */
class SampleScreeningLogTests {

    private static final Path SAMPLE = Path.of("sample-data/screening/screening-log.csv");
    private static final LocalDate SAMPLE_RUN = LocalDate.of(2026, 11, 27);

    @Test
    void shouldReadTheSampleLogWithEveryStatus() throws Exception {
        Map<PairKey, Decision> decisions = ScreeningLog.read(SAMPLE, SAMPLE_RUN);
        assertThat(decisions.values().stream().map(Decision::status).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(ScreeningStatus.class));
    }

    @Test
    void shouldNameOnlyPairsTheSampleRunMatches() throws Exception {
        Set<PairKey> matched;
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/golden/trials-2026-11-27/trial_matches.csv"))) {
            matched = lines.skip(1).map(line -> line.split(",", 3)).map(cells -> new PairKey(cells[0], cells[1]))
                    .collect(Collectors.toSet());
        }
        assertThat(matched).containsAll(ScreeningLog.read(SAMPLE, SAMPLE_RUN).keySet());
    }

    @Test
    void shouldHaveTheColumnsTheProductWrites() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);
        assertThat(lines.get(0)).isEqualTo(String.join(",", ScreeningLog.HEADER));
    }
}
