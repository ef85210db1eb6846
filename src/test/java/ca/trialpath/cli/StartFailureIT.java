package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar's console (standard output and error together, as cron mails them) for the start-up failures of
 * {@link StartFailureTests}: one trialpath: line, the README's exit status, and no stack trace, no Spring banner.
 */
class StartFailureIT {

    private static final Path JAR = Path.of("target/trialpath.jar").toAbsolutePath();
    private static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();

    @TempDir
    private Path temp;

    @Test
    void shouldSayAMissingConfigurationFileInOneLineWithStatusTwo() throws Exception {
        Console console = jar("--spring.config.additional-location=file:" + temp.resolve("nightly.properties"));

        assertThat(console.status()).isEqualTo(RunLauncher.USAGE);
        assertThat(console.lines()).singleElement().asString().startsWith("trialpath: configuration file ");
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
        assertThat(console.lines()).singleElement().asString()
                .startsWith("trialpath: cannot connect to the job repository database at " + url);
    }

    @Test
    void shouldSayADamagedRepositoryInOneLine() throws Exception {
        Path repository = temp.resolve("db/repository");
        Files.createDirectories(repository.getParent());
        Files.writeString(repository.resolveSibling("repository.mv.db"), "replaced by text\n");

        Console console = jar("--trialpath.repository.path=" + repository);

        assertThat(console.status()).isEqualTo(RunLauncher.FAILED);
        assertThat(console.lines()).singleElement().asString().contains("repository.mv.db is damaged (");
    }

    private Console jar(String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", JAR.toString(), "input=" + SAMPLE, "output=" + temp.resolve("out"),
                "runDate=2026-11-27"));
        command.addAll(List.of(extra));
        if (command.stream().noneMatch(a -> a.startsWith("--trialpath.repository.path="))) {
            command.add("--trialpath.repository.path=" + temp.resolve("default/repository"));
        }
        Path log = temp.resolve("console.log");
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("no stack trace, no banner").noneMatch(l -> l.startsWith("\tat ") || l.contains("***")
                || l.contains("Exception in thread"));
        return new Console(process.exitValue(), lines);
    }

    private record Console(int status, List<String> lines) {
    }
}
