package ca.trialpath.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 1: one {@link Pseudonyms} is shared by the threads that index a run's partitions. A shared
 * Mac gave one thread another's digest (a unique person published as a duplicate, or lost) or failed inside
 * the JDK ("arraycopy: length -2 is negative"); every thread must get the pseudonym one thread alone gets.
 */
class PseudonymsTests {

    private static final PseudonymKey KEY = PseudonymKey.from(
            Map.of(PseudonymKey.KEY_VARIABLE, "0123456789abcdef0123456789abcdef-test-key")::get);

    @Test
    void shouldGiveEveryThreadThePseudonymsOneThreadGives() throws Exception {
        // given: the pseudonyms of 4 x 20,000 ids, one after the other
        Pseudonyms alone = new Pseudonyms(KEY);
        int threads = 4;
        int perThread = 20_000;
        List<List<String>> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            expected.add(pseudonyms(alone, t, perThread));
        }

        // when: one instance on 4 threads at once
        Pseudonyms shared = new Pseudonyms(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit((Callable<List<String>>) () -> pseudonyms(shared, thread, perThread)));
            }

            // then
            for (int t = 0; t < threads; t++) {
                assertThat(running.get(t).get()).as("thread %d", t).isEqualTo(expected.get(t));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldBeTheKeyedDigestOfTheId() {
        Pseudonyms pseudonyms = new Pseudonyms(KEY);
        assertThat(pseudonyms.of("P-1")).matches("[0-9a-f]{32}").isEqualTo(pseudonyms.of("P-1"))
                .isNotEqualTo(pseudonyms.of("P-2"))
                .isEqualTo(java.util.HexFormat.of().formatHex(KEY.hmac().doFinal("P-1".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)), 0, Pseudonyms.LENGTH / 2));
    }

    private static List<String> pseudonyms(Pseudonyms pseudonyms, int thread, int count) {
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(pseudonyms.of("P-" + thread + "-" + i));
        }
        return result;
    }
}
