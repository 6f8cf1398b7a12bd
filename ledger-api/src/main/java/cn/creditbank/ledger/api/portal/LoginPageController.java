package cn.creditbank.ledger.api.portal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The embedded authorization server's sign-in page, in Chinese unless English was chosen (here or in the portal),
 * instead of Spring's generated English one. Spring's form login handles the POST to the same path; a failed
 * attempt comes back with {@code ?error}.
 */
@Hidden // a page of the authorization server, not part of the HTTP API
@Controller
class LoginPageController {

    private final PortalMessages messages;

    LoginPageController(PortalMessages messages) {
        this.messages = messages;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String loginPage(@RequestParam(required = false) String lang, @RequestParam(required = false) String error,
                     @RequestParam(required = false) String logout,
                     @CookieValue(name = PortalLanguage.COOKIE, required = false) String chosen,
                     CsrfToken csrf, HttpServletResponse response) {
        PortalLanguage language = PortalLanguage.of(lang != null ? lang : chosen);
        if (lang != null) {
            Cookie remembered = new Cookie(PortalLanguage.COOKIE, language.tag);
            remembered.setPath("/");
            remembered.setMaxAge(PortalLanguage.COOKIE_AGE_SECONDS);
            response.addCookie(remembered);
        }
        PortalLanguage other = language == PortalLanguage.EN ? PortalLanguage.ZH_CN : PortalLanguage.EN;
        String notice = error != null ? alert("login.error", language)
                : logout != null ? status("login.signedOut", language) : "";
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/portal/css/portal.css">
                </head>
                <body class="login">
                <main id="main" class="login-box">
                <p class="lang-switch"><a href="/login?lang=%s" lang="%s" hreflang="%s">%s</a></p>
                <h1>%s</h1>
                %s
                <form method="post" action="/login">
                <label for="username">%s</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">%s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="_csrf" value="%s">
                <button type="submit" id="sign-in">%s</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(language.tag, text("login.title", language), other.tag, other.tag, other.tag,
                text("language.switch", language), text("login.heading", language), notice,
                text("login.username", language), text("login.password", language), htmlEscape(csrf.getToken()),
                text("login.submit", language));
    }

    private String alert(String key, PortalLanguage language) {
        return "<p class=\"message error\" role=\"alert\" id=\"login-error\">" + text(key, language) + "</p>";
    }

    private String status(String key, PortalLanguage language) {
        return "<p class=\"message\" role=\"status\">" + text(key, language) + "</p>";
    }

    private String text(String key, PortalLanguage language) {
        return htmlEscape(messages.get(language, key));
    }
}
