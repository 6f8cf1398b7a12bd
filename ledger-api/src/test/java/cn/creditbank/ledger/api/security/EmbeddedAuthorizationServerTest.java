package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.api.support.Tokens;
import cn.creditbank.ledger.core.demo.DemoLearners;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded authorization server and the bearer-token API of one node with the demo data. */
class EmbeddedAuthorizationServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ApiNode node;
    private static String base;

    @BeforeAll
    static void start() {
        node = ApiNode.withDemoData();
        base = node.baseUrl();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @ParameterizedTest
    @CsvSource({"operator, OPERATOR, ''", "regulator, REGULATOR, ''", "ouc, INSTITUTION, OUC",
            "csia, INSTITUTION, CSIA", "icdc, INSTITUTION, ICDC", "neea, INSTITUTION, NEEA",
            "demo-voc, INSTITUTION, DEMO-VOC", "zswc, INSTITUTION, ZSWC"})
    void demoClientGetsATokenWithItsRoleAndInstitution(String client, String role, String institution) {
        String token = Tokens.clientCredentials(base, client, client + "-secret");

        JsonNode claims = Tokens.claims(token);
        assertThat(claims.get("sub").asString()).isEqualTo(client);
        assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).containsExactly(role);
        if (institution.isEmpty()) {
            assertThat(claims.has("institution")).isFalse();
        } else {
            assertThat(claims.get("institution").asString()).isEqualTo(institution);
        }
        assertThat(claims.has("learner_id")).isFalse();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).as("ledger.security.token-ttl")
                .isEqualTo(30 * 60);
        assertThat(Requests.get(base + "/api/v1/me", token).statusCode()).isNotEqualTo(401);
    }

    @Test
    void refusesAWrongClientSecret() {
        assertThatThrownBy(() -> Tokens.clientCredentials(base, "operator", "not-the-secret"))
                .hasMessageContaining("401").hasMessageContaining("invalid_client");
    }

    @Test
    void learnerSignsInThroughThePortalFlowAndGetsTheirLearnerId() {
        String token = Tokens.learner(base, "zhangsan", "zhangsan-pass");

        JsonNode claims = Tokens.claims(token);
        assertThat(claims.get("sub").asString()).isEqualTo("zhangsan");
        assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).containsExactly("LEARNER");
        assertThat(claims.get("learner_id").asString()).isEqualTo(DemoLearners.ZHANGSAN.value());
        assertThat(Requests.get(base + "/api/v1/me", token).statusCode()).isNotEqualTo(401);

        String lisi = Tokens.learner(base, "lisi", "lisi-pass");
        assertThat(Tokens.claims(lisi).get("learner_id").asString()).isEqualTo(DemoLearners.LISI.value());
    }

    @Test
    void registrarSignsInThroughThePortalFlowAndGetsTheirInstitution() {
        String token = Tokens.learner(base, "ouc", "ouc-pass");

        JsonNode claims = Tokens.claims(token);
        assertThat(claims.get("sub").asString()).isEqualTo("ouc");
        assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).containsExactly("INSTITUTION");
        assertThat(claims.get("institution").asString()).isEqualTo("OUC");
        assertThat(claims.has("learner_id")).isFalse();
        assertThat(Requests.get(base + "/api/v1/institutions/OUC/transfers", token).statusCode()).isEqualTo(200);
        assertThat(Requests.get(base + "/api/v1/institutions/CSIA/transfers", token).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> Tokens.learner(base, "zhangsan", "wrong"))
                .hasMessageContaining("login refused");
    }

    @Test
    void answersARequestWithoutTokenWithAProblem() {
        HttpResponse<String> response = Requests.get(base + "/api/v1/me", null);

        assertUnauthenticated(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void refusesAGarbageToken() {
        assertUnauthenticated(Requests.get(base + "/api/v1/me", "not-a-jwt"));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        RSAKey foreign = Requests.newRsaKey();
        // even under the kid of the real key
        RSAKey impostor = new RSAKey.Builder(foreign).keyID(realKey().getKeyID()).build();
        String token = Requests.sign(impostor, Requests.claims("operator", Map.of("roles", List.of("OPERATOR"))));

        assertUnauthenticated(Requests.get(base + "/api/v1/me", token));
        assertUnauthenticated(Requests.get(base + "/api/v1/me",
                Requests.sign(foreign, Requests.claims("operator", Map.of("roles", List.of("OPERATOR"))))));
    }

    @Test
    void refusesAnExpiredToken() {
        Date past = new Date(System.currentTimeMillis() - 3_600_000);
        String token = Requests.sign(realKey(), Requests.claims("operator", Map.of("roles", List.of("OPERATOR")))
                .issueTime(new Date(past.getTime() - 600_000)).expirationTime(past));

        HttpResponse<String> response = Requests.get(base + "/api/v1/me", token);

        assertUnauthenticated(response);
        assertThat(response.body()).contains("expired");
    }

    @Test
    void refusesAMalformedClaimAs401NotAsServerError() {
        String badLearner = Requests.sign(realKey(), Requests.claims("someone",
                Map.of("roles", List.of("LEARNER"), "learner_id", "not a valid id!")));
        String learnerWithoutId = Requests.sign(realKey(), Requests.claims("someone",
                Map.of("roles", List.of("LEARNER"))));
        String badRoles = Requests.sign(realKey(), Requests.claims("someone", Map.of("roles", 42)));

        assertUnauthenticated(Requests.get(base + "/api/v1/me", badLearner));
        assertUnauthenticated(Requests.get(base + "/api/v1/me", learnerWithoutId));
        assertUnauthenticated(Requests.get(base + "/api/v1/me", badRoles));
    }

    @Test
    void acceptsATokenSignedByTheStoredKey() {
        String token = Requests.sign(realKey(), Requests.claims("zhangsan",
                Map.of("roles", List.of("LEARNER"), "learner_id", DemoLearners.ZHANGSAN.value())));

        assertThat(Requests.get(base + "/api/v1/me", token).statusCode()).isNotEqualTo(401);
    }

    @Test
    void publishesDiscoveryAndTheSigningKey() {
        String token = Tokens.clientCredentials(base, "operator", "operator-secret");

        JsonNode discovery = JSON.readTree(Requests.get(base + "/.well-known/openid-configuration", null).body());
        JsonNode jwks = JSON.readTree(Requests.get(base + "/oauth2/jwks", null).body());

        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(base + "/oauth2/token");
        assertThat(jwks.get("keys").valueStream().map(key -> key.get("kid").asString()))
                .contains(Tokens.header(token).get("kid").asString());
        assertThat(jwks.get("keys").valueStream()).allSatisfy(key -> assertThat(key.has("d")).isFalse());
    }

    @Test
    void leavesDocumentationAndHealthOpen() {
        // whatever the documentation answers (it is written elsewhere), it is not a refusal for want of a token
        assertThat(Requests.get(base + "/v3/api-docs", null).statusCode()).isNotIn(401, 403);
        assertThat(Requests.get(base + "/swagger-ui.html", null, "text/html").statusCode()).isNotIn(401, 403);
        assertThat(Requests.get(base + "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(Requests.get(base + "/actuator/prometheus", null, "*/*").statusCode()).isEqualTo(200);
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    /** The node's signing key, private part included, straight from its table. */
    private static RSAKey realKey() {
        String jwk = node.jdbc().queryForObject(
                "SELECT jwk FROM auth_signing_key WHERE active ORDER BY generation DESC LIMIT 1", String.class);
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
