package ca.trialpath.batch;

import ca.trialpath.batch.publish.HistoryRecorder;
import ca.trialpath.batch.publish.ScreeningPublication;
import ca.trialpath.history.RunHistory;
import ca.trialpath.history.ScreeningHistory;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The run history lives in the job database, beside the Batch tables: its tables are Flyway's
 * ({@code db/migration}), so that a database created by an older TrialPath is upgraded at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ HistoryProperties.class, ScreeningProperties.class })
class HistoryConfiguration {

    @Bean
    RunHistory runHistory(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new RunHistory(dataSource, transactionManager);
    }

    @Bean
    ScreeningHistory screeningHistory(DataSource dataSource) {
        return new ScreeningHistory(dataSource);
    }

    @Bean
    HistoryRecorder historyRecorder(RunHistory runHistory, ScreeningHistory screeningHistory,
            HistoryProperties properties) {
        return new HistoryRecorder(runHistory, screeningHistory, properties.runs());
    }

    @Bean
    ScreeningPublication screeningPublication(ScreeningProperties properties) {
        return new ScreeningPublication(properties.maxPairs());
    }
}
