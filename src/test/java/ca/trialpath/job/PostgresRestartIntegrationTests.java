package ca.trialpath.job;

import org.junit.jupiter.api.extension.ExtendWith;
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
}
