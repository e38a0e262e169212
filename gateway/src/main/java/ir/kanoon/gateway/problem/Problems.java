package ir.kanoon.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import ir.kanoon.gateway.observability.RequestIds;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Builds and writes the gateway's own errors as {@code application/problem+json}. Texts come from
 * {@code i18n/problems_{fa,en}.properties}, picked by {@code Accept-Language} (default {@code fa},
 * as in the platform's services), so a front-end can show them as they are.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceBundle FA = ResourceBundle.getBundle("i18n.problems", Locale.forLanguageTag("fa"));
    private static final ResourceBundle EN = ResourceBundle.getBundle("i18n.problems", Locale.ENGLISH);

    private Problems() {
    }

    /** {@code args} fill the {@code {0}}, {@code {1}} placeholders of the detail text. */
    public static Problem of(HttpServerRequest request, int status, String code, String service, Object... args) {
        ResourceBundle bundle = prefersEnglish(request.getHeader("Accept-Language")) ? EN : FA;
        String detail = new MessageFormat(bundle.getString(code + ".detail"), bundle.getLocale()).format(args);
        return new Problem("/problems/" + code, bundle.getString(code + ".title"), status, detail,
                request.path(), service, RequestIds.of(request));
    }

    /** Writes the problem unless a response is already on its way (e.g. the upstream answered). */
    public static void send(HttpServerRequest request, int status, String code, String service, Object... args) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        Problem problem = of(request, status, code, service, args);
        response.setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Language", languageOf(request));
        response.end(body(problem));
    }

    public static Buffer body(Problem problem) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String languageOf(HttpServerRequest request) {
        return prefersEnglish(request.getHeader("Accept-Language")) ? "en" : "fa";
    }

    /**
     * English only when the caller ranks {@code en} above {@code fa}; anything else, including no header
     * or a language we do not have, gets Persian.
     */
    static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && (tag.equals("fa") || tag.startsWith("fa-"))) {
                    return false;
                }
                if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
                    return true;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return false;
    }
}
