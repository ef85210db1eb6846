package ca.trialpath.cli;

import ca.trialpath.batch.PostgresTestDatabase;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The command of {@link CommandLineTests} (already published, republication, a corrected export replacing
 * the folder, a run in progress refusing a second launch) with {@code --spring.profiles.active=postgres}.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresCommandLineTests extends CommandLineTests {

    private final List<String> database = PostgresTestDatabase.commandLine("command_line");

    @Override
    List<String> databaseArguments() {
        return database;
    }

    @Override
    boolean usesH2File() {
        return false;
    }
}
