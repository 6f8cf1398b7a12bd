package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.projections.support.TestPostgres;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code ledger.security.oidc-issuer-uri} set, the ledger is only a resource server: tokens of that issuer
 * (found through its discovery document, on first use) are accepted, under the configured claim names, and the
 * embedded authorization server is off.
 */
class ExternalIssuerTest {

    private final RSAKey issuerKey = Requests.newRsaKey();

    @Test
    void acceptsTheIssuersTokensUnderItsClaimNames() throws IOException {
        int port = freePort();
        String issuer = "http://127.0.0.1:" + port + "/realms/bank";
        try (ApiNode node = ApiNode.start(TestPostgres.freshDatabaseUrl(), Map.of(
                "ledger.security.oidc-issuer-uri", issuer,
                "ledger.security.claims.roles", "groups",
                "ledger.security.claims.learner-id", "learner",
                "ledger.security.claims.institution", "org"))) {
            String me = node.baseUrl() + "/api/v1/me";
            String learnerToken = Requests.sign(issuerKey, Requests.claims("zhangsan@idp", Map.of(
                    "groups", List.of("LEARNER", "some-other-app-role"),
                    "learner", DemoLearners.ZHANGSAN.value())).issuer(issuer));

            // started although the issuer is not up yet; until it is, a token cannot be checked: 503, not 401
            HttpResponse<String> issuerDown = Requests.get(me, learnerToken);
            assertThat(issuerDown.statusCode()).isEqualTo(503);
            assertThat(issuerDown.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));

            HttpServer server = startIssuer(port, issuer);
            try {
                assertThat(Requests.get(me, learnerToken).statusCode()).isNotIn(401, 503);

                String institutionToken = Requests.sign(issuerKey, Requests.claims("ouc-system", Map.of(
                        "groups", "INSTITUTION", "org", "OUC")).issuer(issuer));
                assertThat(Requests.get(me, institutionToken).statusCode()).isNotIn(401, 503);

                String otherIssuer = Requests.sign(issuerKey, Requests.claims("zhangsan@idp", Map.of(
                        "groups", List.of("LEARNER"), "learner", DemoLearners.ZHANGSAN.value()))
                        .issuer("http://127.0.0.1:" + port + "/realms/other"));
                assertThat(Requests.get(me, otherIssuer).statusCode()).isEqualTo(401);

                String defaultClaimNames = Requests.sign(issuerKey, Requests.claims("zhangsan@idp", Map.of(
                        "roles", List.of("LEARNER"), "groups", List.of("LEARNER"))).issuer(issuer));
                assertThat(Requests.get(me, defaultClaimNames).statusCode())
                        .as("a LEARNER without the configured learner claim").isEqualTo(401);

                String foreignKey = Requests.sign(Requests.newRsaKey(), Requests.claims("zhangsan@idp", Map.of(
                        "groups", List.of("LEARNER"), "learner", DemoLearners.ZHANGSAN.value())).issuer(issuer));
                assertThat(Requests.get(me, foreignKey).statusCode()).isEqualTo(401);

                HttpResponse<String> tokenEndpoint = Requests.postForm(node.baseUrl() + "/oauth2/token",
                        "grant_type=client_credentials&client_id=operator&client_secret=operator-secret");
                assertThat(tokenEndpoint.statusCode()).isIn(401, 403, 404);
                assertThat(tokenEndpoint.body()).doesNotContain("access_token");
                assertThat(Requests.get(node.baseUrl() + "/oauth2/jwks", null).statusCode()).isIn(401, 403, 404);
            } finally {
                server.stop(0);
            }
        }
    }

    /** A minimal OIDC issuer: its discovery document and its public keys. */
    private HttpServer startIssuer(int port, String issuer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/keys\","
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        serve(server, "/realms/bank/.well-known/openid-configuration", discovery);
        serve(server, "/realms/bank/keys", new JWKSet(issuerKey.toPublicJWK()).toString());
        server.start();
        return server;
    }

    private static void serve(HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
