package ca.trialpath.cli;

import ca.trialpath.batch.PostgresTestDatabase;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link RepositoryUpgradeTests} with the job repository in a new PostgreSQL schema. */
@ExtendWith(PostgresTestDatabase.class)
class PostgresRepositoryUpgradeTests extends RepositoryUpgradeTests {

    private final String url = PostgresTestDatabase.newSchemaUrl("repository_upgrade");

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD);
    }

    @Override
    String batchSchema() {
        return "org/springframework/batch/core/schema-postgresql.sql";
    }

    @Override
    JdbcTemplate database() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(url);
        postgres.setUser(PostgresTestDatabase.USER);
        postgres.setPassword(PostgresTestDatabase.PASSWORD);
        return new JdbcTemplate(postgres);
    }

    @Override
    void closeDatabase(JdbcTemplate db) {
        // a server: nothing to free
    }
}
