package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The restarts of {@link RestartIntegrationTests} (failed chunks, killed processes, failed publication)
 * with the job repository on PostgreSQL: the restart state lives in the database, so it is tested on each.
 */
@ExtendWith(PostgresTestDatabase.class)
@ActiveProfiles("postgres")
@Import(RestartIntegrationTests.FailingChunkConfiguration.class)
class PostgresRestartIntegrationTests extends RestartIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "restart");
    }

    @Autowired
    private DataSource dataSource;

    @Test
    void shouldKeepTheJobRepositoryInItsOwnPostgresqlSchema() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getSchema()).startsWith("restart_");
        }
    }
}
