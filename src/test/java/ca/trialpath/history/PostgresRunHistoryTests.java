package ca.trialpath.history;

import ca.trialpath.batch.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** {@link RunHistoryTests} on PostgreSQL: the same migration and SQL, a new schema per test. */
@ExtendWith(PostgresTestDatabase.class)
class PostgresRunHistoryTests extends RunHistoryTests {

    @Override
    DataSource freshDatabase() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(PostgresTestDatabase.newSchemaUrl("run_history"));
        postgres.setUser(PostgresTestDatabase.USER);
        postgres.setPassword(PostgresTestDatabase.PASSWORD);
        return postgres;
    }
}
