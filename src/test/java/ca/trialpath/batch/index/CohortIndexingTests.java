package ca.trialpath.batch.index;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.input.CohortFileReader;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortFileInspector;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import ca.trialpath.report.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index cuts a file where a record starts, found by a scan of its bytes, and checks each cut by reading: a
 * file cut into partitions reads as the same records, on the same lines, as the whole file, however its
 * quotes and blank lines fall.
 */
class CohortIndexingTests {

    private static final String HEADER = "patient_id,birth_date,sex,province,primary_site,histology,recurrence_date,"
            + "recurrence_type,recurrence_sites,prior_treatments,surgery_possible,symptoms,ecog,treatment_wish\n";

    @TempDir
    private Path temp;

    @Test
    void shouldFailWhenTheNaaccrExtractParsedIsNotTheFileTheRunWasStartedFor() throws Exception {
        // given: the SHA-256 the run started with, and an extract whose bytes no longer have it (changed after the
        // launcher took its digest, even with its size and time put back: the index checks what it parses)
        Path extract = Files.copy(Path.of("sample-data/naaccr/registry-extract.xml"), temp.resolve("registry.xml"));
        InspectedFile inspected = new InspectedFile("registry.xml", extract.toString(), Files.size(extract),
                "0".repeat(64), List.of());

        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CohortIndexing(LocalDate.of(2026, 11, 27),
                new RunFolders.Staging(temp.resolve("staging")), null, 1, 500_000, 1000).index(List.of(inspected)))
                .isInstanceOf(ca.trialpath.cohort.CohortFileException.class)
                .hasMessageContaining("registry.xml").hasMessageContaining("changed since the run started");
    }

    @Test
    void shouldCutBetweenRecordsOnlyAndReadTheSameRecords() throws Exception {
        // given: quoted cells with line breaks, CRLF, blank and space-only lines, a byte-order mark
        StringBuilder text = new StringBuilder("\uFEFF" + HEADER);
        for (int i = 0; i < 60; i++) {
            String sites = i % 3 == 0 ? "\"liver;\nlung\"" : i % 3 == 1 ? "\"a, \"\"quoted\"\"\r\nline\"" : "liver";
            text.append("P").append(i).append(",1950-01-01,F,ON,C21.1,8070/3,2024-01-01,46,").append(sites)
                    .append(",,,,,\n");
            if (i % 7 == 0) {
                text.append("\n   \n");
            }
            if (i % 11 == 0) {
                text.append("P").append(i).append("b,1950-01-01,F,ON,C21.1,8070/3,2024-01-01,46,,,,,,\r\n");
            }
        }
        Path file = Files.writeString(temp.resolve("cohort.csv"), text);

        // then
        assertThat(assertCutsReadAsTheWholeFile(file, 2)).as("partitions").hasSizeGreaterThan(10);
    }

    @Test
    void shouldTakeTheCutsTheInspectionFoundForTheSameLinesApartAndScanForOthers() throws Exception {
        // given: a file of 40 rows, inspected with cuts 10 lines apart
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            text.append("P").append(i).append(",1950-01-01,F,ON,C21.1,8070/3,2024-01-01,46,liver,,,,,\n");
        }
        Path file = Files.writeString(temp.resolve("cohort.csv"), text);
        InspectedFile inspected = CohortFileInspector.inspect(file, 10);
        assertThat(inspected.cuts().at()).hasSize(3);

        // when: indexed 10 rows apart, and 20
        List<CohortPartition> taken = new CohortIndexing(LocalDate.of(2026, 11, 27),
                new RunFolders.Staging(temp.resolve("ten")), null, 2, 10, 1000).index(List.of(inspected));
        List<CohortPartition> scanned = new CohortIndexing(LocalDate.of(2026, 11, 27),
                new RunFolders.Staging(temp.resolve("twenty")), null, 2, 20, 1000).index(List.of(inspected));

        // then: the inspection's cuts where they were asked for alike; a scan of its own where not
        assertThat(taken).hasSize(4);
        assertThat(taken.stream().map(p -> p.pieces().get(0).startByte()).skip(1).toList())
                .isEqualTo(inspected.cuts().at());
        assertThat(scanned).hasSize(2);
    }

    @Test
    void shouldIndexWholeWhenAStrayQuoteFoolsTheByteScan() throws Exception {
        // given: a stray quote in an unquoted cell (the reader keeps it as text), then quoted line breaks, which
        // the byte scan now takes for record ends
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            String symptoms = i == 3 ? "pa\"in" : "";
            String sites = i > 3 ? "\"liver;\nlung\"" : "liver";
            text.append("P").append(i).append(",1950-01-01,F,ON,C21.1,8070/3,2024-01-01,46,").append(sites)
                    .append(",,,").append(symptoms).append(",,\n");
        }
        Path file = Files.writeString(temp.resolve("cohort.csv"), text);
        assertThat(CohortIndexing.cuts(file, 2)).as("the scan proposes cuts inside records").isNotEmpty();

        // then: the index saw a cut inside a record and read the file whole
        assertThat(assertCutsReadAsTheWholeFile(file, 2)).hasSize(1);
    }

    @Test
    void shouldNameTheColumnOfAnOversizedCellInWhatAPartitionReads() throws Exception {
        // given: issue 17, point 6: a symptoms cell (the 12th) over the size limit, in the second partition
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 6; i++) {
            String symptoms = i == 4 ? "x".repeat(CsvRecordReader.MAX_CELL_CHARS + 1) : "";
            text.append("P").append(i).append(",1950-01-01,F,ON,C21.1,8070/3,2024-01-01,46,liver,,,")
                    .append(symptoms).append(",,\n");
        }
        Path file = Files.writeString(temp.resolve("cohort.csv"), text);
        InspectedFile inspected = CohortFileInspector.inspect(file);
        List<CohortPartition> plan = new CohortIndexing(LocalDate.of(2026, 11, 27),
                new RunFolders.Staging(temp.resolve("two")), null, 2, 3, 1000).index(List.of(inspected));
        assertThat(plan).hasSize(2);

        // when
        List<String> records = records(inspected, plan);

        // then
        assertThat(records.get(4)).contains("column 'symptoms' (cell 12) is longer than 65536 characters")
                .doesNotContain("xxxxx");
    }

    @Test
    void shouldPlanManySmallFilesAsFewPartitionsAndFindDuplicatesAcrossThem() throws Exception {
        // given: issue 17, point 3: 1,200 files of one row each (a registry exporting a file per person), the
        // last one repeating the first one's person
        List<InspectedFile> files = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String id = i == 1199 ? "P0" : "P" + i;
            Path file = Files.writeString(temp.resolve(String.format("person-%05d.csv", i)),
                    HEADER + id + ",1950-01-01,F,ON,C21.1,8070/3,2024-01-01,46,liver,,,,,\n");
            files.add(CohortFileInspector.inspect(file));
        }
        RunFolders.Staging staging = new RunFolders.Staging(temp.resolve("many"));

        // when
        List<CohortPartition> plan = new CohortIndexing(LocalDate.of(2026, 11, 27), staging, null, 1, 500_000, 1000)
                .index(files);

        // then: whole files share partitions, in file order, none over its limits
        assertThat(plan).hasSizeBetween(2, 10);
        assertThat(plan.stream().flatMap(p -> p.pieces().stream()).map(CohortPartition.Piece::fileName).toList())
                .isEqualTo(files.stream().map(InspectedFile::name).toList());
        assertThat(plan).allSatisfy(partition -> assertThat(partition.pieces())
                .hasSizeLessThanOrEqualTo(CohortIndexing.MAX_FILES_PER_PARTITION));
        assertThat(plan.stream().mapToLong(CohortPartition::records).sum()).isEqualTo(1200);
        // the last file's row is told a duplicate of the first file's, across partitions
        CohortPartition last = plan.get(plan.size() - 1);
        CohortPartition.Piece lastPiece = last.pieces().get(last.pieces().size() - 1);
        try (ca.trialpath.duplicates.DuplicateCursor cursor = ca.trialpath.duplicates.DuplicateCursor.open(
                staging.ids(), last.index())) {
            ca.trialpath.duplicates.DuplicateCursor.FirstRow first = cursor.firstRowOf(
                    CohortPartition.relativeLine(lastPiece, 2));
            assertThat(first).isNotNull();
            assertThat(plan.get(first.partition()).where(first.line())).isEqualTo("person-00000.csv line 2");
        }
    }

    private List<CohortPartition> assertCutsReadAsTheWholeFile(Path file, long partitionRows) throws Exception {
        InspectedFile inspected = CohortFileInspector.inspect(file);
        List<CohortPartition> whole = new CohortIndexing(LocalDate.of(2026, 11, 27),
                new RunFolders.Staging(temp.resolve("one")), null, 1, partitionRows, 1000).index(List.of(inspected));
        List<CohortPartition> cut = new CohortIndexing(LocalDate.of(2026, 11, 27),
                new RunFolders.Staging(temp.resolve("two")), null, 2, partitionRows, 1000).index(List.of(inspected));
        assertThat(whole).hasSize(1);
        List<String> expected = records(inspected, whole);
        assertThat(records(inspected, cut)).isEqualTo(expected);
        assertThat(cut.stream().mapToLong(CohortPartition::records).sum()).isEqualTo(expected.size());
        // the cuts the inspection finds on its own pass over the file plan the same partitions as the index's scan
        List<CohortPartition> fromInspection = new CohortIndexing(LocalDate.of(2026, 11, 27),
                new RunFolders.Staging(temp.resolve("three")), null, 2, partitionRows, 1000)
                .index(List.of(CohortFileInspector.inspect(file, partitionRows)));
        assertThat(fromInspection).isEqualTo(cut);
        return cut;
    }

    /** Every record of the partitions, read as the assessment reads them: its line and cells. */
    private static List<String> records(InspectedFile file, List<CohortPartition> plan) throws Exception {
        List<String> records = new ArrayList<>();
        for (CohortPartition partition : plan) {
            for (CohortPartition.Piece piece : partition.pieces()) {
                try (CohortFileReader reader = CohortFileReader.open(file, piece.startByte(), piece.endByte(),
                        piece.startLine())) {
                    for (long i = 0; i < piece.records(); i++) {
                        CsvRecord record = reader.records().next();
                        records.add(record.line() + ":" + record.cells() + ":" + record.malformed());
                    }
                    reader.checkRead(piece.sha256Of(file), "test");
                }
            }
        }
        return records;
    }
}
