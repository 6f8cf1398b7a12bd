package cn.creditbank.ledger.api.portal;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal is one page whose script draws every screen from the path, so a bookmarked or reloaded deep link
 * ({@code /portal/learners/…}, the sign-in callback) gets that page; the site's root leads to it.
 */
@Hidden // pages of the portal, not part of the HTTP API
@Controller
class PortalPagesController {

    @GetMapping({"/", "/portal"})
    String root() {
        return "redirect:/portal/";
    }

    @GetMapping({"/portal/", "/portal/callback", "/portal/inbox", "/portal/learners/**", "/portal/transfers/**"})
    String page() {
        return "forward:/portal/index.html";
    }
}
