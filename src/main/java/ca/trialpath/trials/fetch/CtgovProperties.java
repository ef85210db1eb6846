package ca.trialpath.trials.fetch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code fetch-trials} ({@code trialpath.ctgov.*}, docs/trial-catalogue.md).
 *
 * @param baseUrl        the API, {@code https://clinicaltrials.gov/api/v2}; a local server in tests
 * @param connectTimeout how long to wait for the connection
 * @param requestTimeout how long one page may take, from the request to the last byte of the answer
 * @param attempts       tries per page: an answer 429 or 5xx, a timeout or a broken connection is tried again
 * @param backoff        the wait before the second try, doubled before each further one
 * @param maxBackoff     the longest wait, also the cap of a {@code Retry-After} the server asks for
 * @param maxPages       a guard against a server that never stops handing out page tokens
 * @param fields         the API's {@code fields}: what the job and the criteria suggestions read, nothing more
 */
@ConfigurationProperties("trialpath.ctgov")
public record CtgovProperties(@DefaultValue("https://clinicaltrials.gov/api/v2") String baseUrl,
        @DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("4") int attempts, @DefaultValue("2s") Duration backoff, @DefaultValue("60s") Duration maxBackoff,
        @DefaultValue("200") int maxPages, @DefaultValue(CtgovQuery.DEFAULT_FIELDS) String fields) {

    public CtgovProperties {
        if (attempts < 1) {
            throw new IllegalArgumentException("trialpath.ctgov.attempts must be at least 1, not " + attempts);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("trialpath.ctgov.max-pages must be at least 1, not " + maxPages);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
