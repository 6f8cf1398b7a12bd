package cn.creditbank.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The HTTP load of the ledger benchmark against the running application: single outcomes from closed-loop
 * clients, batch imports, and reads on an open-loop schedule. Learners are those of the generated history
 * ({@code bench-0} …); outcomes follow its mix (modules, exams, some certificates) with fresh external references.
 */
final class HttpLoad {

    /** Outcomes per second and the latencies of the successful ones; failures are answers other than expected. */
    record Writes(double perSecond, long succeeded, long failed, Latencies latencies) {
    }

    /** The latencies of an open-loop read phase, from each request's scheduled send time. */
    record Reads(int scheduled, long failed, Latencies latencies) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MODULES = {"VOC-AIM-01", "VOC-AIM-02", "VOC-AIM-03", "VOC-AIM-04", "VOC-AIM-05"};

    private final LedgerProcess ledger;
    private final long learners;
    private final String run = Long.toString(System.currentTimeMillis(), 36); // fresh references on every run
    private final AtomicLong phases = new AtomicLong(); // and in every phase of it

    HttpLoad(LedgerProcess ledger, long learners) {
        this.ledger = ledger;
        this.learners = learners;
    }

    /**
     * {@code clients} threads each post one outcome at a time for {@code duration}. Client {@code c} only writes to
     * learners {@code c, c + clients, …}, so two requests never race for one learner's account.
     */
    Writes singleOutcomes(int clients, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong failed = new AtomicLong();
        long phase = phases.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            List<Future<Long>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    Random random = new Random(client);
                    long slots = learners / clients;
                    long sent = 0;
                    while (System.nanoTime() < deadline) {
                        long learner = (sent % slots) * clients + client;
                        String body = outcome(random, "S" + phase + "-" + client + "-" + sent, null);
                        long sentAt = System.nanoTime();
                        HttpResponse<String> answer = ledger.post("/api/v1/learners/bench-" + learner + "/outcomes", body);
                        if (answer.statusCode() == 201) {
                            latencies.add(System.nanoTime() - sentAt);
                        } else if (failed.incrementAndGet() <= 3) {
                            System.err.println("single outcome: " + answer.statusCode() + " " + answer.body());
                        }
                        sent++;
                    }
                    return sent;
                }));
            }
            for (Future<Long> client : done) {
                client.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Writes(latencies.count() / seconds, latencies.count(), failed.get(), latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code requests} JSON batches of {@code size} outcomes, each over {@code size} different learners, sent by
     * {@code clients} concurrent importers; outcomes per second over the accepted rows.
     */
    Writes batches(int requests, int size, int clients) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<String> bodies = new ArrayList<>();
        Random random = new Random(42);
        long phase = phases.incrementAndGet();
        for (int r = 0; r < requests; r++) {
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < size; i++) {
                long learner = ((long) r * size + i) % learners;
                body.append(i == 0 ? "" : ",").append(outcome(random, "B" + phase + "-" + r + "-" + i, "bench-" + learner));
            }
            bodies.add(body.append("]}").toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicLong next = new AtomicLong();
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (long r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                        long sentAt = System.nanoTime();
                        HttpResponse<String> answer = ledger.post("/api/v1/outcomes:batch", bodies.get((int) r));
                        latencies.add(System.nanoTime() - sentAt);
                        JsonNode result = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
                        long ok = result == null ? 0 : result.get("accepted").asLong();
                        accepted.addAndGet(ok);
                        if (ok != size) {
                            failed.addAndGet(size - ok);
                            System.err.println("batch: " + answer.statusCode() + " " + abbreviate(answer.body()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Writes(accepted.get() / seconds, accepted.get(), failed.get(), latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Open loop: request {@code i} is due at {@code i / rate} seconds whether or not earlier ones have answered,
     * and its latency counts from that due time, so a stall shows up in the tail instead of slowing the load down.
     */
    Reads openLoop(double rate, Duration duration, IntFunction<String> path) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong failed = new AtomicLong();
        int count = (int) (rate * duration.toMillis() / 1000);
        CountDownLatch answered = new CountDownLatch(count);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = started + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            ledger.getAsync(path.apply(i)).whenComplete((answer, error) -> {
                if (error == null && answer.statusCode() == 200) {
                    latencies.add(System.nanoTime() - due);
                } else if (failed.incrementAndGet() <= 3) {
                    System.err.println("read: " + (error != null ? error : answer.statusCode()));
                }
                answered.countDown();
            });
        }
        answered.await();
        return new Reads(count, failed.get(), latencies);
    }

    /** A random learner of the generated history. */
    String learner(Random random) {
        return "bench-" + (long) (random.nextDouble() * learners);
    }

    /**
     * One outcome as JSON, in the generated history's mix: 60 % module results, 30 % exams, 10 % certificates.
     * With a learner id for a batch row.
     */
    private String outcome(Random random, String reference, String learnerId) {
        String learner = learnerId == null ? "" : "\"learnerId\":\"" + learnerId + "\",";
        String date = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1000)).toString();
        String ref = "BENCH-" + run + "-" + reference;
        int kind = random.nextInt(10);
        if (kind < 6) {
            return "{%s\"kind\":\"MODULE\",\"unitCode\":\"%s\",\"issuer\":\"DEMO-VOC\",\"externalRef\":\"%s\",\"date\":\"%s\",\"score\":%d,\"hours\":16}"
                    .formatted(learner, MODULES[random.nextInt(MODULES.length)], ref, date, 40 + random.nextInt(61));
        } else if (kind < 9) {
            return "{%s\"kind\":\"EXAM\",\"unitCode\":\"NCRE-2-JAVA\",\"issuer\":\"NEEA\",\"externalRef\":\"%s\",\"date\":\"%s\",\"score\":%d}"
                    .formatted(learner, ref, date, 30 + random.nextInt(71));
        }
        return "{%s\"kind\":\"CERTIFICATE\",\"unitCode\":\"AIGC\",\"issuer\":\"ICDC\",\"externalRef\":\"%s\",\"date\":\"%s\",\"level\":\"专业级\",\"certificateNo\":\"%s\"}"
                .formatted(learner, ref, date, ref);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
