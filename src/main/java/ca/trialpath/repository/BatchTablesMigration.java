package ca.trialpath.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 3: the Spring Batch tables, from the schema script Spring Batch ships in spring-batch-core
 * ({@code org/springframework/batch/core/schema-h2.sql} or {@code schema-postgresql.sql}), so that one owner,
 * Flyway, creates and upgrades every table of the job repository. Before it, Boot's
 * {@code spring.batch.jdbc.initialize-schema=always} ran that script on every start and ignored the errors on
 * tables that already existed, which H2 wrote to its trace file every night.
 *
 * <p>Each {@code CREATE TABLE} and {@code CREATE SEQUENCE} of the script runs as {@code ... IF NOT EXISTS}
 * (both H2 and PostgreSQL know it): a repository of an earlier TrialPath, whose Batch tables were made by
 * Boot, is upgraded in place by this migration doing nothing, and an empty one gets every table.
 */
@Component
public class BatchTablesMigration implements JavaMigration {

    static final MigrationVersion VERSION = MigrationVersion.fromVersion("3");
    private static final String SCRIPTS = "org/springframework/batch/core/schema-";
    /** Fixed: the migration's statements are Spring Batch 6.0's schema; a later Batch schema is a migration of its own. */
    private static final int CHECKSUM = 600_003;

    @Override
    public MigrationVersion getVersion() {
        return VERSION;
    }

    @Override
    public String getDescription() {
        return "spring batch tables";
    }

    @Override
    public Integer getChecksum() {
        return CHECKSUM;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script(connection))) {
                statement.execute(sql);
            }
        }
    }

    /** The script of this database: Spring Batch names them by the platform, in lower case. */
    static String scriptFor(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return SCRIPTS + "h2.sql";
        }
        if (product.contains("postgresql")) {
            return SCRIPTS + "postgresql.sql";
        }
        throw new IllegalStateException("the job repository's database " + databaseProductName
                + " is not supported: TrialPath runs on H2 or PostgreSQL");
    }

    private static String script(Connection connection) throws SQLException, IOException {
        String name = scriptFor(connection.getMetaData().getDatabaseProductName());
        try (InputStream in = BatchTablesMigration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path (spring-batch-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The script's statements, each made idempotent; comment lines dropped. */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            String sql = part.strip();
            if (sql.isEmpty()) {
                continue;
            }
            sql = sql.replaceFirst("(?i)^CREATE TABLE (?!IF NOT EXISTS)", "CREATE TABLE IF NOT EXISTS ")
                    .replaceFirst("(?i)^CREATE SEQUENCE (?!IF NOT EXISTS)", "CREATE SEQUENCE IF NOT EXISTS ");
            if (!sql.regionMatches(true, 0, "CREATE TABLE IF NOT EXISTS ", 0, 27)
                    && !sql.regionMatches(true, 0, "CREATE SEQUENCE IF NOT EXISTS ", 0, 30)) {
                // an index or a constraint would fail on a second run: say so at build time, not in a night's log
                throw new IllegalStateException("unexpected statement in Spring Batch's schema script: " + sql);
            }
            statements.add(sql);
        }
        return statements;
    }
}
