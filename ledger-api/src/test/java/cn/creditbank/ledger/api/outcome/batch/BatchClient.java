package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.support.ApiNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Posts batches to a running node over HTTP, as an outside client would, and counts what the ledger stored. */
final class BatchClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    BatchClient(ApiNode node) {
        this.node = node;
    }

    record Answer(int status, JsonNode body, HttpResponse<String> response) {

        JsonNode row(int index) {
            return body.get("results").get(index);
        }

        String status(int index) {
            return row(index).get("status").asString();
        }

        String code(int index) {
            JsonNode code = row(index).get("code");
            return code == null ? null : code.asString();
        }

        String outcomeId(int index) {
            JsonNode id = row(index).get("outcomeId");
            return id == null ? null : id.asString();
        }
    }

    Answer postJson(String token, List<Map<String, Object>> items) {
        return post(token, "application/json", JSON.writeValueAsBytes(Map.of("items", items)));
    }

    Answer post(String token, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/outcomes:batch"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
        } catch (IOException e) {
            throw new IllegalStateException("batch request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Events in the store that carry this external reference. */
    long eventsWithRef(String externalRef) {
        return node.jdbc().queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE convert_from(payload, 'UTF8')::jsonb ->> 'externalRef' = ?""", Long.class, externalRef);
    }

    /** The learner whose account holds the event with this external reference. */
    String learnerOf(String externalRef) {
        return node.jdbc().queryForObject("""
                SELECT aggregate_identifier FROM domain_event_entry
                WHERE convert_from(payload, 'UTF8')::jsonb ->> 'externalRef' = ?""", String.class, externalRef);
    }

    long events() {
        return node.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** A passing MODULE result of DEMO-VOC (accredited for VOC-AIM-01..05 since 2020). */
    static Map<String, Object> module(String learnerId, String unit, String ref, Object score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("learnerId", learnerId);
        row.put("kind", "MODULE");
        row.put("unitCode", unit);
        row.put("issuer", "DEMO-VOC");
        row.put("externalRef", ref);
        row.put("date", "2025-06-30");
        row.put("score", score);
        return row;
    }

    static Map<String, Object> with(Map<String, Object> row, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.put(field, value);
        return copy;
    }

    /** {@code count} distinct good rows for one learner, refs prefix-0 … prefix-(count-1). */
    static List<Map<String, Object>> goodRows(String learnerId, String prefix, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(module(learnerId, "VOC-AIM-0" + (1 + i % 5), prefix + "-" + i, 60 + i % 40));
        }
        return rows;
    }
}
