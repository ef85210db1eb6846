package ca.trialpath.batch;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The run history through the real job of {@link HistoryIntegrationTests}, with the job repository on PostgreSQL. */
@ExtendWith(PostgresTestDatabase.class)
@ActiveProfiles("postgres")
class PostgresHistoryIntegrationTests extends HistoryIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "history");
    }
}
