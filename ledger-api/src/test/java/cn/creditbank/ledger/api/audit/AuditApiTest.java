package cn.creditbank.ledger.api.audit;

import cn.creditbank.ledger.api.audit.cli.OfflineVerifier;
import cn.creditbank.ledger.api.support.ApiClient;
import cn.creditbank.ledger.api.support.ApiClient.Response;
import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.projections.audit.AuditChainer;
import cn.creditbank.ledger.projections.audit.ChainHash;
import cn.creditbank.ledger.projections.audit.Checkpoint;
import cn.creditbank.ledger.projections.audit.Ed25519Keys;
import cn.creditbank.ledger.projections.audit.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit endpoints over HTTP with real tokens, on the demo data: the NDJSON export (every line parses, the hashes
 * chain and recompute from the line alone, the filters), the online verification, the checkpoints and their keys,
 * and who may call them.
 */
class AuditApiTest {

    private static final List<String> FIELDS = List.of("position", "chainSequence", "eventId", "type", "revision",
            "aggregateId", "sequence", "recordedAt", "recordedBy", "institution", "requestId", "payload", "metadata",
            "hash", "previousHash");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ApiNode node;
    private static ApiClient regulator;
    private static String requestId;

    @BeforeAll
    static void start() {
        node = ApiNode.withDemoData();
        regulator = ApiClient.client(node, "regulator");
        // one event recorded over HTTP, so the export shows a principal, an institution and a request id
        requestId = "audit-test-" + UUID.randomUUID();
        String ref = "AIGC-" + UUID.randomUUID();
        Response awarded = ApiClient.client(node, "icdc").header("X-Request-Id", requestId)
                .post("/api/v1/learners/demo-lisi/outcomes", Map.of("kind", "CERTIFICATE", "unitCode", "AIGC",
                        "issuer", "ICDC", "externalRef", ref, "date", "2025-10-10", "level", "专业级",
                        "certificateNo", ref));
        assertThat(awarded.status()).as(awarded.toString()).isEqualTo(201);
        // and a transfer application: an event of its own stream that names the learner in its payload
        Response applied = ApiClient.client(node, "operator").post("/api/v1/learners/demo-zhangsan/transfers",
                Map.of("programmeCode", "OUC-SE-DIP"));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        chainEverything();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theExportHasEveryChainedEventOnALineWhoseHashRecomputesFromTheLineAlone() {
        Response export = regulator.get("/api/v1/audit/events?limit=1000000");

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.body()).endsWith("\n");
        List<Line> lines = lines(export);
        assertThat(lines).hasSize(chainLength());
        String previous = ChainHash.GENESIS;
        long sequence = 1;
        for (Line line : lines) {
            assertThat(line.fieldNames()).isEqualTo(FIELDS);
            assertThat(line.number("chainSequence")).isEqualTo(sequence++);
            assertThat(line.text("previousHash")).isEqualTo(previous);
            assertThat(ChainHash.next(previous, line.storedEvent())).isEqualTo(line.text("hash"));
            previous = line.text("hash");
        }
        JsonNode verification = ok(regulator.get("/api/v1/audit/verify"));
        assertThat(verification.get("headHash").asString()).isEqualTo(previous);
    }

    @Test
    void payloadAndMetadataAreTheStoredDocumentsUnchanged() {
        for (Line line : lines(regulator.get("/api/v1/audit/events?limit=1000000"))) {
            Map<String, Object> stored = node.jdbc().queryForMap(
                    "SELECT payload, meta_data FROM domain_event_entry WHERE global_index = ?", line.number("position"));
            assertThat(line.raw("payload")).isEqualTo(new String((byte[]) stored.get("payload"),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(line.raw("metadata")).isEqualTo(new String((byte[]) stored.get("meta_data"),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void anEventRecordedOverHttpNamesWhoRecordedItForWhomAndInWhichRequest() {
        List<Line> icdc = lines(regulator.get("/api/v1/audit/events?institution=ICDC&limit=1000000"));

        Line awarded = icdc.stream().filter(line -> requestId.equals(line.nullableText("requestId")))
                .findFirst().orElseThrow();
        assertThat(awarded.text("recordedBy")).isEqualTo("icdc");
        assertThat(awarded.text("institution")).isEqualTo("ICDC");
        assertThat(awarded.text("aggregateId")).isEqualTo("demo-lisi");
        assertThat(lines(regulator.get("/api/v1/audit/events?limit=1")).get(0).text("recordedBy"))
                .as("the demo loader's commands").isEqualTo("system");
    }

    @Test
    void theLearnerFilterKeepsTheLearnersStreamAndEventsNamingTheLearner() {
        List<Line> all = lines(regulator.get("/api/v1/audit/events?limit=1000000"));
        Predicate<Line> zhangsan = line -> line.text("aggregateId").equals("demo-zhangsan")
                || "demo-zhangsan".equals(line.payload().path("learnerId").asString(null));

        List<Line> filtered = lines(regulator.get("/api/v1/audit/events?learnerId=demo-zhangsan&limit=1000000"));

        assertThat(filtered).isNotEmpty();
        assertThat(positions(filtered)).isEqualTo(positions(all.stream().filter(zhangsan).toList()));
        assertThat(filtered).as("his transfer application lives in its own stream")
                .anyMatch(line -> !line.text("aggregateId").equals("demo-zhangsan"));
    }

    @Test
    void theInstitutionFilterKeepsWhatItRecordedIssuedOrIsNamedIn() {
        List<Line> all = lines(regulator.get("/api/v1/audit/events?limit=1000000"));
        Predicate<Line> ouc = line -> "OUC".equals(line.nullableText("institution"))
                || "OUC".equals(line.payload().path("issuer").asString(null))
                || "OUC".equals(line.payload().path("institution").asString(null));

        List<Line> filtered = lines(regulator.get("/api/v1/audit/events?institution=OUC&limit=1000000"));

        assertThat(filtered).isNotEmpty();
        assertThat(positions(filtered)).isEqualTo(positions(all.stream().filter(ouc).toList()));
    }

    @Test
    void theTimeRangeResumePointAndLimitCutTheExport() {
        List<Line> all = lines(regulator.get("/api/v1/audit/events?limit=1000000"));
        Instant from = Instant.parse(all.get(all.size() / 2).text("recordedAt"));
        Instant to = Instant.parse(all.get(all.size() - 1).text("recordedAt"));

        List<Line> range = lines(regulator.get("/api/v1/audit/events?from=" + from + "&to=" + to + "&limit=1000000"));
        assertThat(positions(range)).isEqualTo(positions(all.stream().filter(line -> {
            Instant at = Instant.parse(line.text("recordedAt"));
            return !at.isBefore(from) && at.isBefore(to);
        }).toList()));
        assertThat(range).isNotEmpty();

        List<Line> page = lines(regulator.get("/api/v1/audit/events?afterPosition=10&limit=5"));
        assertThat(page).extracting(line -> line.number("chainSequence")).containsExactly(11L, 12L, 13L, 14L, 15L);
        assertThat(lines(regulator.get("/api/v1/audit/events"))).hasSize(Math.min(1000, all.size()));
    }

    @Test
    void badParametersAreProblems() {
        for (String query : List.of("limit=0", "limit=1000001", "limit=many", "afterPosition=-1", "from=yesterday",
                "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "learnerId=%20", "institution=not%20a%20code")) {
            Response refused = regulator.get("/api/v1/audit/events?" + query);
            assertThat(refused.status()).as(query + " → " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        }
        for (String path : List.of("/api/v1/audit/verify?fromPosition=-1", "/api/v1/audit/verify?fromPosition=9&toPosition=3",
                "/api/v1/audit/verify?toPosition=x", "/api/v1/audit/checkpoints?size=501")) {
            Response refused = regulator.get(path);
            assertThat(refused.status()).as(path + " → " + refused).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(regulator.get("/api/v1/audit/events?limit=0").json().path("errors").get(0).path("field")
                .asString()).isEqualTo("limit");
    }

    @Test
    void theLedgerVerifiesWholeAndInRanges() {
        JsonNode whole = ok(regulator.get("/api/v1/audit/verify"));
        assertThat(whole.get("verified").asBoolean()).isTrue();
        assertThat(whole.get("events").asLong()).isEqualTo(chainLength());
        assertThat(whole.has("firstMismatch")).isFalse();

        JsonNode range = ok(ApiClient.client(node, "operator").get("/api/v1/audit/verify?fromPosition=5&toPosition=14"));
        assertThat(range.get("verified").asBoolean()).isTrue();
        assertThat(range.get("events").asLong()).isEqualTo(10);
        assertThat(range.get("headPosition").asLong()).isEqualTo(14);
    }

    @Test
    void checkpointsVerifyWithThePublishedKeys() throws Exception {
        JsonNode keys = ok(regulator.get("/api/v1/audit/keys"));
        Map<String, PublicKey> byId = new HashMap<>();
        for (JsonNode jwk : keys.get("keys")) {
            assertThat(jwk.get("kty").asString()).isEqualTo("OKP");
            assertThat(jwk.get("crv").asString()).isEqualTo("Ed25519");
            assertThat(jwk.get("use").asString()).isEqualTo("sig");
            assertThat(jwk.get("alg").asString()).isEqualTo("EdDSA");
            byId.put(jwk.get("kid").asString(), Ed25519Keys.fromRawBase64Url(jwk.get("x").asString()));
        }
        assertThat(byId).isNotEmpty();

        JsonNode page = ok(regulator.get("/api/v1/audit/checkpoints?page=0&size=500"));
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(500);
        assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size()).isPositive();
        for (JsonNode item : page.get("items")) {
            Checkpoint checkpoint = new Checkpoint(item.get("chainSequence").asLong(), item.get("position").asLong(),
                    item.get("hash").asString(), Instant.parse(item.get("signedAt").asString()),
                    item.get("keyId").asString(), item.get("signature").asString());
            assertThat(Ed25519Keys.verifies(byId.get(checkpoint.keyId()), checkpoint)).as("%s", item).isTrue();
            assertThat(checkpoint.signedAt().toString()).isEqualTo(item.get("signedAt").asString());
        }
    }

    @Test
    void theOfflineVerifierAcceptsWhatTheEndpointsServe(@TempDir Path directory) throws Exception {
        Path events = Files.writeString(directory.resolve("events.ndjson"),
                regulator.get("/api/v1/audit/events?limit=1000000").body());
        Path keys = Files.writeString(directory.resolve("keys.json"), regulator.get("/api/v1/audit/keys").body());
        Path checkpoints = Files.writeString(directory.resolve("checkpoints.json"),
                regulator.get("/api/v1/audit/checkpoints?size=500").body());

        int exit = OfflineVerifier.run(new String[]{"--export", events.toString(), "--keys", keys.toString(),
                "--checkpoints", checkpoints.toString()});

        assertThat(exit).isEqualTo(OfflineVerifier.VERIFIED);
    }

    @Test
    void onlyRegulatorsAndOperatorsMayAudit() {
        ApiClient institution = ApiClient.client(node, "ouc");
        ApiClient anonymous = ApiClient.anonymous(node);
        for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/verify", "/api/v1/audit/checkpoints",
                "/api/v1/audit/keys")) {
            assertThat(institution.get(path).status()).as(path).isEqualTo(403);
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            assertThat(ApiClient.client(node, "operator").get(path).status()).as(path).isEqualTo(200);
        }
    }

    private static void chainEverything() {
        node.bean(AuditChainer.class).chain();
    }

    private static int chainLength() {
        return node.jdbc().queryForObject("SELECT count(*) FROM audit_chain", Integer.class);
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> positions(List<Line> lines) {
        return lines.stream().map(line -> line.number("position")).toList();
    }

    private static List<Line> lines(Response export) {
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<Line> lines = new ArrayList<>();
        for (String text : export.body().split("\n")) {
            if (!text.isEmpty()) {
                lines.add(Line.parse(text));
            }
        }
        return lines;
    }

    /** One export line: its scalar fields in order, and payload and metadata as the exact text of the line. */
    private record Line(Map<String, Object> fields) {

        private static final JsonFactory FACTORY = new JsonFactory();

        static Line parse(String text) {
            Map<String, Object> fields = new LinkedHashMap<>();
            try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), text)) {
                assertThat(json.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = json.currentName();
                    JsonToken value = json.nextToken();
                    if (value == JsonToken.START_OBJECT) {
                        int start = (int) json.currentTokenLocation().getCharOffset();
                        json.skipChildren();
                        int end = (int) json.currentTokenLocation().getCharOffset() + 1;
                        fields.put(name, new Raw(text.substring(start, end)));
                    } else if (value == JsonToken.VALUE_NUMBER_INT) {
                        fields.put(name, json.getLongValue());
                    } else if (value == JsonToken.VALUE_NULL) {
                        fields.put(name, null);
                    } else {
                        fields.put(name, json.getString());
                    }
                }
                assertThat(json.nextToken()).isNull();
            }
            return new Line(fields);
        }

        List<String> fieldNames() {
            return List.copyOf(fields.keySet());
        }

        long number(String name) {
            return (Long) fields.get(name);
        }

        String text(String name) {
            assertThat(fields.get(name)).as(name).isNotNull();
            return (String) fields.get(name);
        }

        String nullableText(String name) {
            return (String) fields.get(name);
        }

        String raw(String name) {
            return ((Raw) fields.get(name)).text();
        }

        JsonNode payload() {
            return JSON.readTree(raw("payload"));
        }

        StoredEvent storedEvent() {
            return new StoredEvent(number("position"), text("eventId"), text("aggregateId"), number("sequence"),
                    text("type"), text("revision"), text("recordedAt"), raw("payload"), raw("metadata"));
        }
    }

    private record Raw(String text) {
    }
}
