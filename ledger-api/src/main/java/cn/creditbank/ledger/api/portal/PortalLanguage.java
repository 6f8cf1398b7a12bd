package cn.creditbank.ledger.api.portal;

import java.util.Locale;

/**
 * The portal's two languages. Chinese is the bank's default, whatever the browser or the server prefers; English is
 * chosen explicitly, and the choice is kept in a cookie so that the sign-in page speaks it too.
 */
enum PortalLanguage {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE), EN("en", Locale.ENGLISH);

    /** Shared by the portal's script and the sign-in page; kept a year, like the script's. */
    static final String COOKIE = "portal_lang";
    static final int COOKIE_AGE_SECONDS = 365 * 24 * 60 * 60;

    final String tag;
    final Locale locale;

    PortalLanguage(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** English only when asked for by its tag ({@code en}, {@code en-US}…); anything else is Chinese. */
    static PortalLanguage of(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH_CN;
    }
}
