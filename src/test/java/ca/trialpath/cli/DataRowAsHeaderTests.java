package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cli.CommandConsole.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cohort file whose first line is a data row (an export without its header) fails the run, and none of
 * that row's cells ends up anywhere: not on standard output or standard error, not in the log file, not in
 * any file under the output folder (staging included), not in any table of the job repository
 * (BATCH_JOB_EXECUTION.EXIT_MESSAGE, BATCH_STEP_EXECUTION.EXIT_MESSAGE, the execution contexts, ...).
 */
class DataRowAsHeaderTests {

    private static final String DATE = CommandConsole.DATE;
    /** The cells of the first line; each is a value no message may carry. */
    private static final List<String> ROW = List.of("Jane Marie Doe", "Montreal General", "1959-01-28", "QC-7781-554",
            "C21.1", "anal canal;inguinal nodes");

    @TempDir
    private Path temp;

    @Test
    void shouldFailTheRunWithoutACellOfTheRowInAnyOutputLogOrTableOfTheJobRepository() throws Exception {
        // given: a folder with a good file and one whose header line is a data row
        Path input = Files.createDirectories(temp.resolve("exports"));
        Files.copy(Path.of("sample-data/cohort-2026-11-a.csv"), input.resolve("a-good.csv"));
        Files.writeString(input.resolve("b-no-header.csv"), String.join(",", ROW) + "\n"
                + "QC-7781-555,Sherbrooke,1960-02-02,QC-1,C21.1,liver\n", StandardCharsets.UTF_8);
        Path output = temp.resolve("reports");
        Path repository = temp.resolve("repository/db");
        Path logFile = temp.resolve("trialpath.log");

        // when
        Console console = CommandConsole.command("input=" + input, "output=" + output, "runDate=" + DATE,
                "--trialpath.repository.path=" + repository, "--logging.file.name=" + logFile);

        // then: the run failed, naming the file and what is wrong
        String stderr = console.err();
        assertThat(console.status()).isEqualTo(RunLauncher.FAILED);
        assertThat(stderr).contains("b-no-header.csv", "no required column 'patient_id' or 'primary_site'",
                "does the file start with a data row");
        assertThat(logFile).exists();
        String log = Files.readString(logFile);
        assertThat(log).contains("b-no-header.csv: the header has no required column");

        // and no cell of the row is anywhere
        List<String> places = new ArrayList<>();
        places.add("standard output\n" + console.out());
        places.add("standard error\n" + stderr);
        places.add("log file\n" + log);
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                places.add(file + "\n" + Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        places.addAll(repositoryRows(repository));
        assertThat(places).anySatisfy(place -> assertThat(place).contains("BATCH_JOB_EXECUTION.EXIT_MESSAGE")
                .contains("does the file start with a data row"));
        for (String place : places) {
            for (String cell : ROW) {
                assertThat(place).as("a cell of the data row taken for a header").doesNotContain(cell);
            }
        }
    }

    /** Every row of every table of the job repository, one entry per cell ("TABLE.COLUMN\nvalue"). */
    private static List<String> repositoryRows(Path repository) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + repository.toAbsolutePath(), "sa", "");
                Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT");
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            String value = rs.getString(c);
                            if (value != null) {
                                cells.add(table + "." + rs.getMetaData().getColumnName(c) + "\n" + value + decoded(value));
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** A serialized execution context may be Base64: its text too, so a value inside it is found. */
    private static String decoded(String value) {
        try {
            return "\n" + new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }
}
