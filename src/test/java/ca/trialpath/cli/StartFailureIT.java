package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cli.CommandConsole.Console;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar's console (standard output and error together, as cron mails them) for the start-up failures of
 * {@link StartFailureTests}: one trialpath: line, the README's exit status, and no stack trace, no Spring banner.
 */
class StartFailureIT {

    @TempDir
    private Path temp;

    @Test
    void shouldSayAMissingConfigurationFileInOneLineWithStatusTwo() throws Exception {
        Console console = jar("--spring.config.additional-location=file:" + temp.resolve("nightly.properties"));

        assertThat(console.status()).isEqualTo(RunLauncher.USAGE);
        assertThat(console.errLines()).singleElement().asString().startsWith("trialpath: configuration file ");
    }

    @Test
    void shouldSayAnUnreachableDatabaseInOneLineNamingItsUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/trialpath";

        Console console = jar("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.hikari.connection-timeout=2000");

        assertThat(console.status()).isEqualTo(RunLauncher.FAILED);
        assertThat(console.errLines()).singleElement().asString()
                .startsWith("trialpath: cannot connect to the job repository database at " + url);
    }

    @Test
    void shouldSayADamagedRepositoryInOneLine() throws Exception {
        Path repository = temp.resolve("db/repository");
        Files.createDirectories(repository.getParent());
        Files.writeString(repository.resolveSibling("repository.mv.db"), "replaced by text\n");

        Console console = jar("--trialpath.repository.path=" + repository);

        assertThat(console.status()).isEqualTo(RunLauncher.FAILED);
        assertThat(console.errLines()).singleElement().asString().contains("repository.mv.db is damaged (");
    }

    private Console jar(String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("input=" + CommandConsole.SAMPLE.toAbsolutePath(),
                "output=" + temp.resolve("out"), "runDate=" + CommandConsole.DATE));
        args.addAll(List.of(extra));
        if (args.stream().noneMatch(a -> a.startsWith("--trialpath.repository.path="))) {
            args.add("--trialpath.repository.path=" + temp.resolve("default/repository"));
        }
        return CommandConsole.jar(temp, args);
    }
}
