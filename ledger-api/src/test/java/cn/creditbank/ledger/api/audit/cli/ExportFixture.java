package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.ChainHash;
import cn.creditbank.ledger.projections.audit.StoredEvent;
import tools.jackson.core.io.JsonStringEncoder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds an audit export the way the API writes one: each line in the documented field order, the stored payload
 * and metadata embedded unchanged, each hash from {@link ChainHash}. Positions leave gaps (rolled-back sequence
 * numbers) to show that only the chain sequence must be consecutive.
 */
final class ExportFixture {

    static final String OUTCOME = "cn.creditbank.ledger.core.outcome.ExamResultRecorded";

    /** An exported line with the values a test needs to name it. */
    record Line(long position, long chainSequence, String hash, String text) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final Consumer<Line> sink;
    private long position;
    private long chainSequence;
    private String previousHash;

    private ExportFixture(long chainSequence, long position, String previousHash, Consumer<Line> sink) {
        this.sink = sink == null ? lines::add : sink;
        this.chainSequence = chainSequence;
        this.position = position;
        this.previousHash = previousHash;
    }

    static ExportFixture fromGenesis() {
        return new ExportFixture(1, 1, ChainHash.GENESIS, null);
    }

    /** For exports too large to hold: each line goes to {@code sink} instead of being kept. */
    static ExportFixture streaming(Consumer<Line> sink) {
        return new ExportFixture(1, 1, ChainHash.GENESIS, sink);
    }

    /** An export of a later range: the first line links to a hash from before it. */
    static ExportFixture midChain(long chainSequence, long position, String previousHash) {
        return new ExportFixture(chainSequence, position, previousHash, null);
    }

    /** {@code count} outcomes with Chinese text, escaped quotes and both kinds of metadata. */
    ExportFixture typical(int count) {
        for (int i = 0; i < count; i++) {
            String learner = "L" + (100000 + i % 997);
            if (i % 5 == 4) {
                add("cn.creditbank.ledger.core.outcome.LearnerAccountOpened", learner, 0,
                        "{\"learnerId\":\"" + learner + "\",\"openedAt\":\"2025-03-01\"}",
                        "system", null, null);
            } else {
                add(OUTCOME, learner, i, examPayload(learner, i), "ouc", "OUC", "req-" + i);
            }
        }
        return this;
    }

    static String examPayload(String learner, int i) {
        return "{\"learnerId\":\"" + learner + "\",\"outcomeId\":\"" + uuid(i) + "\",\"kind\":\"EXAM\","
                + "\"unitCode\":\"OUC-CS10" + i % 10 + "\",\"unitVersion\":3,\"issuer\":\"OUC\","
                + "\"externalRef\":\"考试-2025-" + i + "\",\"date\":\"2025-06-" + (10 + i % 18) + "\",\"score\":"
                + (60 + i % 40) + ".5,\"credits\":\"4.00\",\"title\":\"《数据结构》 \\\"期末\\\" 考试 \\\\ 第"
                + i % 3 + "次\",\"note\":\"\\u5f20\\u4e09 passed\",\"recordedBy\":\"ouc\"}";
    }

    ExportFixture add(String type, String aggregateId, long sequence, String payload, String principal,
                      String institution, String requestId) {
        String metadata = "{\"principal\":\"" + principal + "\""
                + (institution == null ? "" : ",\"institution\":\"" + institution + "\"")
                + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"")
                + ",\"traceId\":\"" + uuid(chainSequence) + "\",\"correlationId\":\"" + uuid(chainSequence + 7) + "\"}";
        String eventId = uuid(position * 31);
        String recordedAt = "2025-06-" + (10 + chainSequence % 18) + "T08:" + (10 + chainSequence % 50) + ":00.123456Z";
        StoredEvent event = new StoredEvent(position, eventId, aggregateId, sequence, type, null, recordedAt,
                payload, metadata);
        String hash = ChainHash.next(previousHash, event);
        String text = "{\"position\":" + position + ",\"chainSequence\":" + chainSequence + ",\"eventId\":"
                + quote(eventId) + ",\"type\":" + quote(type) + ",\"revision\":null,\"aggregateId\":"
                + quote(aggregateId) + ",\"sequence\":" + sequence + ",\"recordedAt\":" + quote(recordedAt)
                + ",\"recordedBy\":" + quote(principal) + ",\"institution\":" + quote(institution)
                + ",\"requestId\":" + quote(requestId) + ",\"payload\":" + payload + ",\"metadata\":" + metadata
                + ",\"hash\":\"" + hash + "\",\"previousHash\":\"" + previousHash + "\"}";
        sink.accept(new Line(position, chainSequence, hash, text));
        previousHash = hash;
        chainSequence++;
        position += chainSequence % 7 == 0 ? 2 : 1;
        return this;
    }

    List<Line> lines() {
        return lines;
    }

    Line line(int index) {
        return lines.get(index);
    }

    List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    Path write(Path file) throws IOException {
        return write(file, texts());
    }

    static Path write(Path file, List<String> texts) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String text : texts) {
                out.write(text);
                out.write('\n');
            }
        }
        return file;
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, quoted);
        return quoted.append('"').toString();
    }

    static String uuid(long n) {
        return String.format("%08x-%04x-4%03x-8%03x-%012x", n * 2654435761L & 0xffffffffL, n & 0xffff,
                n % 0xfff, (n * 7) % 0xfff, n * 40503L);
    }
}
