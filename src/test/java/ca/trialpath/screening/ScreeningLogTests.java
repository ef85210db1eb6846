package ca.trialpath.screening;

import ca.trialpath.output.csv.SpreadsheetSafe;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ca.trialpath.screening.Pairs.*;
import static ca.trialpath.screening.ScreeningStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScreeningLogTests {

    private static final LocalDate RUN = NIGHT_2;
    private static final String HEADER = "patient_id,nct_id,status,status_date,reason,revisit_date,screened_by,note\n";

    @TempDir
    Path folder;

    private static Map<PairKey, Decision> read(String text) throws Exception {
        return ScreeningLog.read("log.csv", new StringReader(text), RUN);
    }

    private static List<String> problems(String text) {
        try {
            read(text);
        } catch (ScreeningLogException e) {
            return e.problems();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no problem found in " + text);
    }

    // ---- what is read

    @Test
    void shouldReadEveryColumnOfARow() throws Exception {
        Map<PairKey, Decision> decisions = read(HEADER
                + "TP-26-0001,NCT99000007,deferred,2026-11-27,,2026-12-15,AB (CRA),after the CT scan\n");
        assertThat(decisions).containsExactly(Map.entry(KEY,
                new Decision(DEFERRED, NIGHT_1, "", LocalDate.of(2026, 12, 15), "AB (CRA)", "after the CT scan")));
    }

    @Test
    void shouldReadHeaderNamesInAnyCaseAndOrderAndIgnoreOtherColumns() throws Exception {
        Map<PairKey, Decision> decisions = read("Status,Spreadsheet column,STATUS_DATE,NCT_ID,Patient_Id,result\n"
                + "PENDING,whatever,2026-11-28,NCT99000007,TP-26-0001,MATCH\n");
        assertThat(decisions).containsExactly(Map.entry(KEY, new Decision(PENDING, RUN, "", null, "", "")));
    }

    @Test
    void shouldAcceptAByteOrderMarkBlankLinesCrLfAndEmptiedRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.csv");
        Files.write(file, ("\uFEFF" + HEADER.replace("\n", "\r\n") + "\r\n"
                + "TP-26-0001,NCT99000007,NEW,2026-11-27,,,,\r\n"
                + ",,,,,,,\r\n\r\n"
                + "TP-26-0002,NCT99000001,ENROLLED,2026-11-28,,,,\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ScreeningLog.read(file, RUN)).containsOnlyKeys(KEY, new PairKey("TP-26-0002", "NCT99000001"));
    }

    @Test
    void shouldReadAHeaderOnlyFileAsNoDecisions() throws Exception {
        assertThat(read(HEADER)).isEmpty();
    }

    @Test
    void shouldTakeTheSpreadsheetApostropheOffWhatTheProductQuoted() throws Exception {
        Map<PairKey, Decision> decisions = read(HEADER
                + "'-x1,NCT99000007,NOT_ELIGIBLE,2026-11-27,'=ECOG 3,,'+AB,'hello\n");
        Decision decision = decisions.get(new PairKey("-x1", "NCT99000007"));
        assertThat(decision.reason()).isEqualTo("=ECOG 3");
        assertThat(decision.screenedBy()).isEqualTo("+AB");
        // no formula after it: the apostrophe is the coordinator's own
        assertThat(decision.note()).isEqualTo("'hello");
    }

    @Test
    void shouldQuoteTheSameCharactersAsTheOtherSpreadsheetFiles() {
        for (char c = 0; c < 0xFFFF; c++) {
            String value = c + "x";
            boolean quotedElsewhere = !SpreadsheetSafe.cell(value).equals(value);
            assertThat(SpreadsheetQuote.startsAFormula(c)).as("U+%04X", (int) c).isEqualTo(quotedElsewhere);
        }
    }

    // ---- bad input: header

    @Test
    void shouldRefuseAnEmptyFile() {
        assertThat(problems("")).singleElement().asString().contains("log.csv").contains("is empty");
    }

    @Test
    void shouldNameEveryMissingRequiredColumnWithoutShowingTheFirstLine() {
        List<String> problems = problems("TP-26-0001,NCT99000007,PENDING,secret words\n");
        assertThat(problems).hasSize(4).allSatisfy(problem -> assertThat(problem).startsWith("log.csv line 1: no column")
                .doesNotContain("TP-26-0001").doesNotContain("secret"));
        assertThat(problems.get(2)).contains("'status'");
    }

    @Test
    void shouldRefuseAColumnGivenTwice() {
        assertThat(problems("patient_id,nct_id,status,status_date,Status\n"))
                .containsExactly("log.csv line 1: column 'status' is given twice (cells 3 and 5)");
    }

    @Test
    void shouldNotNeedTheOptionalColumnsUnlessAStatusDoes() throws Exception {
        assertThat(read("patient_id,nct_id,status,status_date\nTP-26-0001,NCT99000007,ELIGIBLE,2026-11-28\n"))
                .hasSize(1);
        assertThat(problems("patient_id,nct_id,status,status_date\nTP-26-0001,NCT99000007,DEFERRED,2026-11-28\n"))
                .containsExactly("log.csv line 2, column 'revisit_date' (not in the file): is empty; DEFERRED needs the"
                        + " date to look again: ''");
    }

    // ---- bad input: cells

    @Test
    void shouldRefuseAnUnknownStatus() {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,MAYBE,2026-11-27,,,,\n")).singleElement().asString()
                .startsWith("log.csv line 2, column 'status' (cell 3): is not one of NEW, PENDING").endsWith(": 'MAYBE'");
    }

    @Test
    void shouldRefuseADateThatIsNotOne() {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,NEW,2026-02-30,,,,\n"
                + "TP-26-0002,NCT99000007,NEW,27/11/2026,,,,\n"
                + "TP-26-0003,NCT99000007,DEFERRED,2026-11-27,,2026-13-01,,\n")).containsExactly(
                "log.csv line 2, column 'status_date' (cell 4): is not a date YYYY-MM-DD: '2026-02-30'",
                "log.csv line 3, column 'status_date' (cell 4): is not a date YYYY-MM-DD: '27/11/2026'",
                "log.csv line 4, column 'revisit_date' (cell 6): is not a date YYYY-MM-DD: '2026-13-01'");
    }

    @Test
    void shouldRefuseAStatusDateAfterTheRunDateButNotOnIt() {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,NEW,2026-11-29,,,,\n")).containsExactly(
                "log.csv line 2, column 'status_date' (cell 4): is after the run date 2026-11-28: '2026-11-29'");
    }

    @Test
    void shouldRefuseAnEmptyStatusDate() {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,NEW,,,,,\n"))
                .containsExactly("log.csv line 2, column 'status_date' (cell 4): is empty: ''");
    }

    @Test
    void shouldRefuseNotEligibleAndDeclinedWithoutAReason() {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,NOT_ELIGIBLE,2026-11-27,,,,\n"
                + "TP-26-0002,NCT99000007,declined,2026-11-27,  ,,,\n"))
                .hasSize(2).allSatisfy(problem -> assertThat(problem).contains("column 'reason' (cell 5): is empty"));
    }

    @Test
    void shouldRefuseTooLongFreeTextWithoutShowingIt() {
        String secret = "metastatic ".repeat(50);
        List<String> problems = problems(HEADER + "TP-26-0001,NCT99000007,NOT_ELIGIBLE,2026-11-27," + secret + ",,"
                + "x".repeat(101) + "," + "y".repeat(2001) + "\n");
        assertThat(problems).containsExactly(
                "log.csv line 2, column 'reason' (cell 5): is 550 characters long, at most 500",
                "log.csv line 2, column 'screened_by' (cell 7): is 101 characters long, at most 100",
                "log.csv line 2, column 'note' (cell 8): is 2001 characters long, at most 2000");
    }

    @Test
    void shouldAcceptFreeTextAtItsLimits() throws Exception {
        assertThat(read(HEADER + "TP-26-0001,NCT99000007,NOT_ELIGIBLE,2026-11-27," + "r".repeat(500) + ",,"
                + "x".repeat(100) + "," + "y".repeat(2000) + "\n")).hasSize(1);
    }

    @Test
    void shouldRefuseBadIds() {
        assertThat(problems(HEADER + "TP 26/0001,NCT9900007,NEW,2026-11-27,,,,\n")).containsExactly(
                "log.csv line 2, column 'patient_id' (cell 1): is not 1-64 characters of A-Z a-z 0-9 . _ -: 'TP 26/0001'",
                "log.csv line 2, column 'nct_id' (cell 2): is not NCT followed by 8 digits: 'NCT9900007'");
    }

    @Test
    void shouldEscapeControlCharactersInAShownValue() {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,\"NEW\nforged line\",2026-11-27,,,,\n"))
                .singleElement().asString().endsWith("'NEW\\nforged line'");
    }

    @Test
    void shouldRefuseADuplicatePair() {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,NEW,2026-11-27,,,,\n"
                + "TP-26-0001,NCT99000007,PENDING,2026-11-28,,,,\n")).containsExactly(
                "log.csv line 3: the pair TP-26-0001 / NCT99000007 is on line 2 too; keep one row per pair");
    }

    @Test
    void shouldRefuseARowOfAnotherWidthTrailingEmptyCellsIncluded() throws Exception {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,NEW,2026-11-27,,,\n"
                + "TP-26-0002,NCT99000007,NEW,2026-11-27,,,,,extra\n")).containsExactly(
                "log.csv line 2: has 7 cells, the header 8 (a comma too many or too few?)",
                "log.csv line 3: has 9 cells, the header 8 (a comma too many or too few?)");
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,NEW,2026-11-27,,,,,\n"))
                .containsExactly("log.csv line 2: has 9 cells, the header 8 (a comma too many or too few?)");
        assertThat(read(HEADER + "TP-26-0001,NCT99000007,NEW,2026-11-27,,,,\n")).hasSize(1);
    }

    @Test
    void shouldRefuseABrokenQuoteAndGoOnToTheNextRow() {
        assertThat(problems(HEADER + "TP-26-0001,NCT99000007,NEW,2026-11-27,\"a\"b,,,\n"
                + "TP-26-0002,NCT99000007,MAYBE,2026-11-27,,,,\n")).hasSize(2)
                .satisfies(list -> assertThat(list.get(0)).startsWith("log.csv line 2: text after the closing quote"))
                .satisfies(list -> assertThat(list.get(1)).startsWith("log.csv line 3, column 'status'"));
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "TP-26-0001,NCT99000007,NEW,2026-11-27,,,,d\u00e9j\u00e0\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScreeningLog.read(file, RUN)).isInstanceOf(ScreeningLogException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void shouldListEveryProblemOfTheFileAndCapTheMessage() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 60; i++) {
            text.append("TP-").append(i).append(",NCT99000007,MAYBE,2026-11-27,,,,\n");
        }
        ScreeningLogException failure = org.junit.jupiter.api.Assertions.assertThrows(ScreeningLogException.class,
                () -> read(text.toString()));
        assertThat(failure.problems()).hasSize(60);
        assertThat(failure.getMessage()).contains("(60 problems)").contains("line 51,").doesNotContain("line 52,")
                .endsWith("... and 10 more");
    }

    // ---- the round trip

    private static final List<String> HOSTILE = List.of("=1+2", "+AB", "-x", "@SUM(A1)", "\tlead tab", "\rcr", "\nlf",
            "\uFF1Dwide", "\uFF0B", "\uFF0Dx", "\uFF20x", "'=already quoted", "''+twice", "'plain apostrophe",
            "say \"no\", twice", "line\r\nbreak", "trailing space ", " leading space", "comma,inside", "é ñ 中文",
            "#hash", "");

    /** Pairs with every status and every hostile value somewhere, as a night makes them. */
    private static ScreeningNight hostileNight() {
        List<TonightsMatch> matches = new ArrayList<>();
        Map<PairKey, Decision> file = new java.util.HashMap<>();
        ScreeningStatus[] statuses = ScreeningStatus.values();
        for (int i = 0; i < HOSTILE.size(); i++) {
            PairKey key = new PairKey(i % 3 == 0 ? "-P" + i : "P" + i, "NCT990000" + String.format("%02d", i));
            String hostile = HOSTILE.get(i);
            ScreeningStatus status = statuses[i % statuses.length];
            String reason = status.needsReason() && hostile.isBlank() ? "r" : hostile;
            file.put(key, new Decision(status, NIGHT_1, reason, status.needsRevisitDate() ? NIGHT_3 : null,
                    HOSTILE.get((i + 1) % HOSTILE.size()).strip().isEmpty() ? "" : HOSTILE.get((i + 1) % HOSTILE.size()),
                    HOSTILE.get((i + 2) % HOSTILE.size())));
            if (i % 4 != 3) {
                matches.add(new TonightsMatch(key, hostile, facts(i % 2 == 0 ? Result.MATCH : Result.NEAR_MISS),
                        i % 5 == 0 ? List.of(Criterion.ECOG, Criterion.SURGERY) : List.of(), i % 2 == 0, null));
            }
        }
        return ScreeningMemory.tonight(NIGHT_1, List.of(), matches, file);
    }

    @Test
    void shouldWriteTheHeaderAndRowsAsRfc4180WithLineFeeds() throws IOException {
        StringBuilder out = new StringBuilder();
        ScreeningLog.write(out, List.of(only(ScreeningMemory.tonight(NIGHT_1, List.of(),
                List.of(new TonightsMatch(KEY, "A \"quoted\", title", facts(Result.MATCH),
                        List.of(Criterion.ECOG, Criterion.SURGERY), true, null)), Map.of()))));
        assertThat(out.toString()).isEqualTo(String.join(",", ScreeningLog.HEADER) + "\n"
                + "TP-26-0001,NCT99000007,\"A \"\"quoted\"\", title\",MATCH,NEW,2026-11-27,,,,,2026-11-27,true,,"
                + "ECOG;SURGERY\n");
    }

    @Test
    void shouldChangeNothingOnARoundTripThroughTheFile() throws Exception {
        ScreeningNight night = hostileNight();
        Path first = folder.resolve("screening_log.csv");
        ScreeningLog.write(first, night.pairs());
        Map<PairKey, Decision> readBack = ScreeningLog.read(first, NIGHT_1);

        // every decision comes back as it was written, apostrophes, quotes and line breaks included
        for (ScreeningPair pair : night.pairs()) {
            assertThat(readBack.get(pair.key())).as(pair.key().toString()).isEqualTo(pair.decision());
        }
        // and the night run again on it writes the same bytes
        List<TonightsMatch> sameMatches = night.pairs().stream().map(ScreeningPair::match)
                .filter(java.util.Objects::nonNull).toList();
        ScreeningNight again = ScreeningMemory.tonight(NIGHT_1, night.memory(), sameMatches, readBack);
        Path second = folder.resolve("again.csv");
        ScreeningLog.write(second, again.pairs());
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        assertThat(again.memory()).isEqualTo(night.memory());
    }

    @Test
    void shouldChangeNothingOnARoundTripOfSeededRandomText() throws Exception {
        java.util.Random random = new java.util.Random(13);
        String alphabet = "aZ9 ,;\"'=+-@#\t\r\n\u00e9\u00a0\u2028\uFF1D\uFF0B\uFF0D\uFF20\uFEFF\u0000\u001f\u007f";
        java.util.function.IntFunction<String> text = max -> {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(max + 1); n > 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return value.toString();
        };
        Map<PairKey, Decision> file = new java.util.HashMap<>();
        List<TonightsMatch> matches = new ArrayList<>();
        ScreeningStatus[] statuses = ScreeningStatus.values();
        for (int i = 0; i < 300; i++) {
            PairKey key = new PairKey((i % 2 == 0 ? "-P" : "P") + i, "NCT" + (10_000_000 + i));
            ScreeningStatus status = statuses[random.nextInt(statuses.length)];
            String reason = text.apply(30);
            file.put(key, new Decision(status, NIGHT_1, status.needsReason() ? "r" + reason : reason,
                    status.needsRevisitDate() ? NIGHT_3 : null, text.apply(10), text.apply(60)));
            if (random.nextBoolean()) {
                matches.add(new TonightsMatch(key, text.apply(40), facts(Result.MATCH), List.of(), false, null));
            }
        }
        ScreeningNight night = ScreeningMemory.tonight(NIGHT_1, List.of(), matches, file);
        StringBuilder first = new StringBuilder();
        ScreeningLog.write(first, night.pairs());
        Map<PairKey, Decision> readBack = ScreeningLog.read("log.csv", new StringReader(first.toString()), NIGHT_1);
        assertThat(readBack).isEqualTo(file);
        StringBuilder second = new StringBuilder();
        ScreeningLog.write(second, ScreeningMemory.tonight(NIGHT_1, night.memory(), matches, readBack).pairs());
        assertThat(second.toString()).isEqualTo(first.toString());
    }

    @Test
    void shouldWriteTheSpreadsheetApostropheOnHostileCells() throws Exception {
        Path file = folder.resolve("screening_log.csv");
        ScreeningLog.write(file, hostileNight().pairs());
        String text = Files.readString(file);
        assertThat(text).contains("'=1+2").contains("'-P0,").contains(",''=already quoted").contains("'''+twice")
                .contains(",'plain apostrophe,").contains("\"'\nlf\"");
    }

    private static ScreeningPair only(ScreeningNight night) {
        assertThat(night.pairs()).hasSize(1);
        return night.pairs().get(0);
    }
}
