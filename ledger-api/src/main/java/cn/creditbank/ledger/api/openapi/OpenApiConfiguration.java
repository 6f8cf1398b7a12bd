package cn.creditbank.ledger.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The served OpenAPI document (API.md): bearer-token security, the problem+json schema, and on every operation the
 * error answers it can give, with an example each, so that a client written from the document handles them all.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String BEARER = "bearer";

    private static final Map<String, String[]> ERRORS = Map.of(
            "400", new String[]{"Malformed or invalid input", "VALIDATION_FAILED"},
            "401", new String[]{"No token, or a token that is invalid or expired", "UNAUTHENTICATED"},
            "403", new String[]{"Not allowed for this caller", "FORBIDDEN"},
            "404", new String[]{"Unknown resource", "UNKNOWN_LEARNER"},
            "409", new String[]{"Conflicts with what is recorded", "EXTERNAL_REF_CONFLICT"},
            "413", new String[]{"Request too large", "PAYLOAD_TOO_LARGE"},
            "422", new String[]{"A domain rule refused it", "NOT_ACCREDITED"});

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("技能学分银行 · Skills Credit Bank ledger API").version("v1")
                        .description("Event-sourced ledger of learning outcomes. Errors are RFC 9457 problem+json "
                                + "with a stable `code`. Writes answer `Ledger-Position`; send it back as "
                                + "`Min-Ledger-Position` to read your own writes."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Bearer JWT from POST /oauth2/token (client credentials) or the portal's "
                                        + "authorization code + PKCE sign-in")
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token"))))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer errorAnswers() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                ERRORS.forEach((status, error) -> operation.getResponses().putIfAbsent(status, new ApiResponse()
                        .description(error[0])
                        .content(new Content().addMediaType("application/problem+json", new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                                .example(Map.of("type", "urn:credit-bank:problem:" + error[1],
                                        "title", error[0], "status", Integer.parseInt(status),
                                        "detail", "what exactly was wrong", "code", error[1]))))))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with the ledger's stable code")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema().description("the code's text in the caller's language"))
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema().description("stable UPPER_SNAKE identifier")
                        .example("UNKNOWN_UNIT"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())));
    }
}
