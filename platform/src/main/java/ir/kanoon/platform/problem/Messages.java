package ir.kanoon.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts in the caller's language. A service's own {@code i18n/messages_{fa,en}.properties} are searched
 * before the platform's {@code i18n/problems_{fa,en}.properties}, so services add keys without copying
 * the shared ones. Persian is the default: the Associations and most callers work in Persian.
 */
public final class Messages {

    public static final Locale FA = Locale.forLanguageTag("fa");
    public static final Locale EN = Locale.ENGLISH;
    private static final List<String> BUNDLES = List.of("i18n.messages", "i18n.problems");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** {@code fa} or {@code en}, the first of the caller's {@code Accept-Language} we speak; else {@code fa}. */
    public static Locale resolve(HttpHeaders headers) {
        if (headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                if ("en".equals(l.getLanguage())) {
                    return EN;
                }
                if ("fa".equals(l.getLanguage()) || "per".equals(l.getLanguage())) {
                    return FA;
                }
            }
        }
        return FA;
    }

    /** The formatted text of {@code key}, or null if no bundle has it. */
    public static String find(Locale locale, String key, Object... args) {
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, locale, classLoader(), NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    String pattern = bundle.getString(key);
                    return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
                }
            } catch (MissingResourceException ignored) {
                // this bundle does not exist in this service: try the next one
            }
        }
        return null;
    }

    public static String get(Locale locale, String key, Object... args) {
        String text = find(locale, key, args);
        return text != null ? text : key;
    }

    private static ClassLoader classLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : Messages.class.getClassLoader();
    }
}
