package ca.trialpath.trials.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one page of the ClinicalTrials.gov API into a file, with the JDK's HTTP client. The API limits how
 * fast it may be asked (about 50 requests a minute) and has bad moments: an answer 429 or 5xx, a timeout or a
 * connection broken mid-answer is tried again after a wait that doubles ({@code Retry-After} when the server
 * gives one); any other answer is final, with its status and the start of its body in the message.
 */
public final class CtgovClient {

    /** Waits between tries; a test replaces it to see the waits without spending them. */
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final int BODY_IN_MESSAGE = 160;

    private final HttpClient http;
    private final CtgovProperties settings;
    private final Pause pause;

    public CtgovClient(CtgovProperties settings) {
        this(settings, duration -> Thread.sleep(duration.toMillis()));
    }

    public CtgovClient(CtgovProperties settings, Pause pause) {
        this.settings = settings;
        this.pause = pause;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Writes the body of a 200 answer to {@code target} (replacing what a failed try left).
     *
     * @throws FetchException when the answer is not 200 after every try, or not worth trying again
     */
    public void download(URI uri, Path target) throws FetchException, InterruptedException {
        String last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<Object> response = send(uri, target);
                int status = response.statusCode();
                if (status == 200) {
                    return;
                }
                String answer = "HTTP " + status + " (" + start(String.valueOf(response.body())) + ")";
                if (status != 429 && status < 500) {
                    throw new FetchException("ClinicalTrials.gov answered " + answer + " to " + uri
                            + "; not tried again: the request itself is refused (check trialpath.ctgov.base-url and the"
                            + " query options)");
                }
                last = answer;
                retryAfter = retryAfter(response);
            } catch (HttpTimeoutException | TimeoutException e) {
                last = "no whole answer within " + (e.getMessage() != null && e.getMessage().contains("connect")
                        ? "trialpath.ctgov.connect-timeout " + settings.connectTimeout()
                        : "trialpath.ctgov.request-timeout " + settings.requestTimeout());
            } catch (ConnectException e) {
                last = "cannot connect (" + message(e) + ")";
            } catch (IOException e) {
                // a body cut short (the connection closed before its length) is a broken answer: tried again
                last = "the answer broke off (" + message(e) + ")";
            }
            deletePartial(target);
            if (attempt < settings.attempts()) {
                pause.sleep(wait(attempt, retryAfter));
            }
        }
        throw new FetchException("ClinicalTrials.gov " + uri.getHost() + ":" + uri.getPort() + " failed " + settings.attempts()
                + " tries of " + uri.getPath() + ", the last with " + last);
    }

    /**
     * The request, with the whole answer within the request timeout: the client's own timeout ends when the
     * headers arrive, and a server that then stalls mid-body would hold the night's download for good.
     */
    private HttpResponse<Object> send(URI uri, Path target)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<Object>> answer = http.sendAsync(request(uri), info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(target,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                        path -> (Object) path)
                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                        body -> (Object) body));
        try {
            return answer.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause() == null ? "failed" : e.getCause().toString(), e.getCause());
        } finally {
            answer.cancel(true);
        }
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).header("Accept", "application/json")
                .header("User-Agent", "TrialPath fetch-trials").GET().build();
    }

    /** The wait after try {@code attempt}: backoff, 2 backoff, 4 backoff ..., at most max-backoff. */
    Duration wait(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : retryAfter;
        }
        Duration wait = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    /** {@code Retry-After} in seconds (the API's form); an HTTP date or nonsense is ignored. */
    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isEmpty() || !value.get().trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.get().trim()));
    }

    private static String start(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        if (oneLine.isEmpty()) {
            return "empty body";
        }
        return oneLine.length() <= BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, BODY_IN_MESSAGE) + "...";
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private static void deletePartial(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            // the next try truncates it anyway
        }
    }
}
