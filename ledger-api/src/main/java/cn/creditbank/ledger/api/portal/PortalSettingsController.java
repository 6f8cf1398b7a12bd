package cn.creditbank.ledger.api.portal;

import cn.creditbank.ledger.api.security.SecurityProperties;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Map;

/**
 * What the portal's script needs before anyone signs in: where to sign in, and its text in a language. Only in a web
 * application, where the security settings it reads exist.
 */
@Hidden // pages of the portal, not part of the HTTP API
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalSettingsController {

    /** The public client of the embedded server (security/ClientRegistrations); an external issuer registers it. */
    private static final String CLIENT_ID = "portal";

    /** @param claims the names of the token claims the portal reads (ledger.security.claims) */
    record PortalConfig(String issuer, String clientId, String scope, SecurityProperties.Claims claims) {
    }

    private final SecurityProperties security;
    private final PortalMessages messages;

    PortalSettingsController(SecurityProperties security, PortalMessages messages) {
        this.security = security;
        this.messages = messages;
    }

    /**
     * The issuer whose discovery document the portal reads: the configured one, or this server itself as the
     * browser reached it (the embedded server derives its issuer from the request's host the same way).
     */
    @GetMapping("/portal/config")
    PortalConfig config() {
        String issuer = security.external() ? security.oidcIssuerUri()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return new PortalConfig(issuer, CLIENT_ID, "openid", security.claims());
    }

    @GetMapping("/portal/messages")
    ResponseEntity<Map<String, String>> messages(@RequestParam(required = false) String lang) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(messages.all(PortalLanguage.of(lang)));
    }
}
