package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.api.support.Tokens;
import cn.creditbank.ledger.projections.support.TestPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys, clients and users live in the database: a restart changes none of them and invalidates no token. */
class TokenRestartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void tokensOutliveARestartOnTheSameDatabase() {
        String url = TestPostgres.freshDatabaseUrl();
        String token;
        String learnerToken;
        String kid;
        try (ApiNode first = ApiNode.start(url, Map.of())) {
            token = Tokens.clientCredentials(first.baseUrl(), "operator", "operator-secret");
            learnerToken = Tokens.learner(first.baseUrl(), "zhangsan", "zhangsan-pass");
            kid = Tokens.header(token).get("kid").asString();
        }
        try (ApiNode second = ApiNode.start(url, Map.of())) {
            assertThat(Requests.get(second.baseUrl() + "/api/v1/me", token).statusCode()).isNotEqualTo(401);
            assertThat(Requests.get(second.baseUrl() + "/api/v1/me", learnerToken).statusCode()).isNotEqualTo(401);
            assertThat(publishedKeyIds(second)).containsExactly(kid);
            String fresh = Tokens.clientCredentials(second.baseUrl(), "operator", "operator-secret");
            assertThat(Tokens.header(fresh).get("kid").asString()).isEqualTo(kid);
            // the demo credentials were not added a second time
            assertThat(second.jdbc().queryForObject("SELECT count(*) FROM oauth2_registered_client", Integer.class))
                    .isEqualTo(9); // portal, operator, regulator and six institutions
            assertThat(second.jdbc().queryForObject("SELECT count(*) FROM auth_user", Integer.class))
                    .isEqualTo(8); // zhangsan, lisi and a registrar of each of the six institutions
        }
    }

    @Test
    void nodesStartingTogetherCreateOneSigningKey() throws Exception {
        try (ApiNode node = ApiNode.withDemoData()) {
            node.jdbc().update("DELETE FROM auth_signing_key"); // as on a database no node has started on yet
            int nodes = 6;
            CountDownLatch ready = new CountDownLatch(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                Callable<String> startNode = () -> {
                    ready.countDown();
                    ready.await();
                    return new SigningKeys(node.jdbc(), Clock.systemUTC()).signingKeyId();
                };
                List<Future<String>> started = pool.invokeAll(IntStream.range(0, nodes).mapToObj(i -> startNode)
                        .toList());
                Set<String> signers = started.stream().map(TokenRestartTest::result).collect(Collectors.toSet());

                assertThat(signers).hasSize(1);
                assertThat(node.jdbc().queryForList("SELECT key_id FROM auth_signing_key", String.class))
                        .containsExactlyElementsOf(signers);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<String> publishedKeyIds(ApiNode node) {
        JsonNode jwks = JSON.readTree(Requests.get(node.baseUrl() + "/oauth2/jwks", null).body());
        return jwks.get("keys").valueStream().map(key -> key.get("kid").asString()).toList();
    }

    private static String result(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
