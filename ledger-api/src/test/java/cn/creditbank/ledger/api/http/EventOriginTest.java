package cn.creditbank.ledger.api.http;

import cn.creditbank.ledger.api.support.ApiClient;
import cn.creditbank.ledger.api.support.ApiClient.Response;
import cn.creditbank.ledger.api.support.ApiNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who did what: every event an HTTP request causes names the principal, its institution and the request's id. */
class EventOriginTest {

    @Test
    void anEventRecordsThePrincipalTheInstitutionAndTheRequestThatCausedIt() {
        ApiNode node = ApiNode.shared();
        String requestId = "icdc-import-" + UUID.randomUUID();
        String ref = "AIGC-" + UUID.randomUUID();

        Response awarded = ApiClient.client(node, "icdc").header("X-Request-Id", requestId)
                .post("/api/v1/learners/demo-lisi/outcomes", Map.of("kind", "CERTIFICATE", "unitCode", "AIGC",
                        "issuer", "ICDC", "externalRef", ref, "date", "2025-10-10", "level", "专业级",
                        "certificateNo", ref));

        assertThat(awarded.status()).as(awarded.toString()).isEqualTo(201);
        assertThat(awarded.header("X-Request-Id")).isEqualTo(requestId);
        byte[] stored = node.jdbc().queryForObject("SELECT meta_data FROM domain_event_entry WHERE global_index = ?",
                byte[].class, Long.parseLong(awarded.header("Ledger-Position")));
        JsonNode metadata = JsonMapper.builder().build().readTree(new String(stored, StandardCharsets.UTF_8));
        assertThat(metadata.get("principal").asString()).isEqualTo("icdc");
        assertThat(metadata.get("institution").asString()).isEqualTo("ICDC");
        assertThat(metadata.get("requestId").asString()).isEqualTo(requestId);
        assertThat(metadata.has("correlationId")).isTrue();
    }

    @Test
    void theApplicationsOwnCommandsAreMarkedAsTheSystems() {
        byte[] stored = ApiNode.shared().jdbc().queryForObject("""
                SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'demo-zhangsan'
                ORDER BY sequence_number LIMIT 1""", byte[].class);

        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("\"principal\":\"system\"");
    }
}
