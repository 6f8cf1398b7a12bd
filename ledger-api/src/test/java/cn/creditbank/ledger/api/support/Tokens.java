package cn.creditbank.ledger.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from a running node's embedded authorization server, obtained the way API.md tells clients to:
 * the client-credentials grant for machine clients, the portal's authorization code + PKCE flow for learners.
 */
public final class Tokens {

    /** The portal's default redirect URI ({@code ledger.security.portal.redirect-uris}); never actually visited. */
    public static final String PORTAL_REDIRECT_URI = "http://localhost:8080/portal/callback";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

    private Tokens() {
    }

    /** An access token of a machine client ({@code operator}, {@code regulator}, {@code ouc}…). */
    public static String clientCredentials(String baseUrl, String clientId, String secret) {
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials")))
                .build();
        return accessToken(send(http, request));
    }

    /**
     * A learner's access token through the portal's flow: the authorization request with a PKCE challenge, the login
     * form (with its CSRF token and the session cookie), the redirect carrying the code, and the code exchanged with
     * the verifier.
     */
    public static String learner(String baseUrl, String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String verifier = randomUrlSafe();
        String state = UUID.randomUUID().toString();
        Map<String, String> authorization = new LinkedHashMap<>();
        authorization.put("response_type", "code");
        authorization.put("client_id", "portal");
        authorization.put("scope", "openid");
        authorization.put("redirect_uri", PORTAL_REDIRECT_URI);
        authorization.put("state", state);
        authorization.put("code_challenge", challenge(verifier));
        authorization.put("code_challenge_method", "S256");
        URI authorize = URI.create(baseUrl + "/oauth2/authorize?" + query(authorization));

        URI login = redirectOf(send(browser, html(authorize).GET().build()), authorize);
        HttpResponse<String> form = send(browser, html(login).GET().build());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token in the login form at " + login + ": " + form.body());
        }
        HttpResponse<String> signedIn = send(browser, html(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))))
                .build());
        URI resumed = redirectOf(signedIn, login);
        if (resumed.getPath().equals("/login")) {
            throw new IllegalStateException("login refused for " + username + ": redirected to " + resumed);
        }
        URI callback = redirectOf(send(browser, html(resumed).GET().build()), resumed);
        if (!callback.toString().startsWith(PORTAL_REDIRECT_URI)) {
            throw new IllegalStateException("expected a redirect to the portal, got " + callback);
        }
        Map<String, String> answer = parseQuery(callback.getRawQuery());
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("the authorization answer is wrong: " + callback);
        }
        HttpRequest exchange = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                        "redirect_uri", PORTAL_REDIRECT_URI, "client_id", "portal", "code_verifier", verifier)))
                .build();
        return accessToken(send(HttpClient.newHttpClient(), exchange));
    }

    /** The claims of a token, read without verifying it (the server under test does that). */
    public static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** The JOSE header of a token ({@code kid}, {@code alg}). */
    public static JsonNode header(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    }

    private static String accessToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpRequest.Builder html(URI uri) {
        // the authorization server sends browsers (text/html) to the login page, API clients get an error
        return HttpRequest.newBuilder(uri).header("Accept", "text/html");
    }

    private static URI redirectOf(HttpResponse<String> response, URI from) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("expected a redirect from " + from + ", got " + response.statusCode()
                    + ": " + response.body());
        }
        return from.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + request.uri(), e);
        }
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(query(fields));
    }

    private static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
