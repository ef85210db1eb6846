package ca.trialpath.batch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server the job tests also run against ({@code .ci/run} installs and starts it and exports
 * {@code TRIALPATH_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}). Each test class gets a schema of its
 * own, named after the class and this JVM's process id, so test runs sharing one server never see each
 * other's job instances; the schemas are dropped when the JVM ends.
 *
 * <p>As a JUnit condition: in CI (or whenever {@code TRIALPATH_TEST_PG_URL} is set) a missing server
 * fails the tests instead of skipping them; on a developer's machine without PostgreSQL they are skipped.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

    public static final String URL = env("TRIALPATH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/trialpath_test");
    public static final String USER = env("TRIALPATH_TEST_PG_USER", "trialpath_test");
    public static final String PASSWORD = env("TRIALPATH_TEST_PG_PASSWORD", "trialpath_test");

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropSchemas, "drop-test-schemas"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** PostgreSQL must be there: in CI, or when the connection was given explicitly. */
    public static boolean required() {
        return System.getenv("TRIALPATH_TEST_PG_URL") != null || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection connection = connect()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + URL + ": "
                    + connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            if (required()) {
                throw new IllegalStateException("PostgreSQL is required here (CI=true or TRIALPATH_TEST_PG_URL set)"
                        + " but " + URL + " cannot be reached as " + USER + ": " + e.getMessage()
                        + "; .ci/run installs and starts it", e);
            }
            return ConditionEvaluationResult.disabled("no PostgreSQL at " + URL + " (" + e.getMessage()
                    + "); run .ci/run's PostgreSQL part to test on it");
        }
    }

    /** For tests outside Spring: skips the test without a server, unless PostgreSQL is {@link #required()}. */
    public static void assumeAvailable() {
        ConditionEvaluationResult result = new PostgresTestDatabase().evaluateExecutionCondition(null);
        org.junit.jupiter.api.Assumptions.assumeFalse(result.isDisabled(), result.getReason().orElse(""));
    }

    /** A new, empty schema for one test class (or one run of the jar), as a JDBC URL that uses it. */
    public static String newSchemaUrl(String name) {
        String schema = (name + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " in " + URL, e);
        }
        synchronized (CREATED) {
            CREATED.add(schema);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * The job repository of a Spring test on PostgreSQL, through the postgres profile's own properties
     * (the test class also activates the profile); the URL names the class's own schema.
     */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = newSchemaUrl(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("TRIALPATH_DB_URL", () -> url);
        registry.add("TRIALPATH_DB_USER", () -> USER);
        registry.add("TRIALPATH_DB_PASSWORD", () -> PASSWORD);
    }

    /** What the jar or the command needs on its command line to use a new schema of this server. */
    public static List<String> commandLine(String name) {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + newSchemaUrl(name),
                "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD);
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static void dropSchemas() {
        synchronized (CREATED) {
            if (CREATED.isEmpty()) {
                return;
            }
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                for (String schema : CREATED) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } catch (SQLException e) {
                System.err.println("could not drop the test schemas " + CREATED + ": " + e.getMessage());
            }
        }
    }
}
