package cn.creditbank.ledger.api.portal;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The portal's text in one language: its own bundle ({@code i18n/portal}) and, under {@code problem.<CODE>}, the
 * texts of every refusal and HTTP problem from the API's bundles, so that each message lives in one place.
 */
@Component
class PortalMessages {

    static final String PROBLEM_PREFIX = "problem.";

    /** No fallback to the server's locale: the base bundles are Chinese, the bank's default. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    Map<String, String> all(PortalLanguage language) {
        Map<String, String> messages = new TreeMap<>();
        messages.putAll(bundle("i18n/portal", language, ""));
        messages.putAll(bundle("i18n/errors", language, PROBLEM_PREFIX));
        messages.putAll(bundle("i18n/problems", language, PROBLEM_PREFIX));
        return messages;
    }

    String get(PortalLanguage language, String key) {
        return ResourceBundle.getBundle("i18n/portal", language.locale, NO_FALLBACK).getString(key);
    }

    private static Map<String, String> bundle(String name, PortalLanguage language, String prefix) {
        ResourceBundle bundle = ResourceBundle.getBundle(name, language.locale, NO_FALLBACK);
        Map<String, String> messages = new TreeMap<>();
        bundle.keySet().forEach(key -> messages.put(prefix + key, bundle.getString(key)));
        return messages;
    }
}
