package ca.trialpath.trials.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A stand-in for ClinicalTrials.gov on 127.0.0.1 (a free port): it answers {@code /api/v2/studies} with the
 * answers it was given, in order (the last one again when they run out), and remembers the requests.
 * No test reaches the internet.
 */
final class RecordedApi implements AutoCloseable {

    /** One answer: a status, a body, and ways to misbehave. */
    record Answer(int status, byte[] body, Map<String, String> headers, Duration delay, boolean truncated) {

        static Answer page(String resource) {
            return new Answer(200, resource(resource), Map.of("Content-Type", "application/json"), Duration.ZERO, false);
        }

        static Answer body(int status, String body) {
            return new Answer(status, body.getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO, false);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, delay, truncated);
        }

        Answer delayed(Duration by) {
            return new Answer(status, body, headers, by, truncated);
        }

        /** Announces the whole length, sends half and closes the connection. */
        Answer cutShort() {
            return new Answer(status, body, headers, delay, true);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    private Answer last;

    RecordedApi(Answer... answers) throws IOException {
        this.answers.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v2/studies", this::answer);
        server.start();
    }

    /** The setting that points fetch-trials here. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
    }

    /** The query parameters of each request, decoded. */
    List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        requests.add(query);
        Answer answer;
        synchronized (answers) {
            answer = answers.isEmpty() ? last : answers.poll();
            last = answer;
        }
        try {
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            OutputStream out = exchange.getResponseBody();
            if (answer.truncated()) {
                out.write(answer.body(), 0, answer.body().length / 2);
                out.flush();
                // the server closes the connection of a handler that throws: the client sees the body end early
                throw new IllegalStateException("cut short on purpose");
            }
            out.write(answer.body());
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a truncated answer or a client that gave up waiting
        } finally {
            exchange.close();
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = RecordedApi.class.getResourceAsStream("/ctgov/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ctgov/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
