package ca.trialpath.job;

import org.junit.jupiter.api.extension.ExtendWith;
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
}
