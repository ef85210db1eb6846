package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The full sample run of {@link SampleRunIntegrationTests}, golden files included, with the job repository on PostgreSQL. */
@ExtendWith(PostgresTestDatabase.class)
@ActiveProfiles("postgres")
class PostgresSampleRunIntegrationTests extends SampleRunIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "sample_run");
    }

    @Autowired
    private DataSource dataSource;

    @Test
    void shouldKeepTheJobRepositoryInItsOwnPostgresqlSchema() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getSchema()).startsWith("sample_run_");
        }
    }
}
