package ca.trialpath.batch;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The screening log through the real job of {@link ScreeningRunIntegrationTests}, with the job repository on PostgreSQL. */
@ExtendWith(PostgresTestDatabase.class)
@ActiveProfiles("postgres")
class PostgresScreeningRunIntegrationTests extends ScreeningRunIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "screening");
    }
}
