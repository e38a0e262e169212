package ir.kanoon.platform.history;

import ir.kanoon.platform.security.Caller;
import org.eclipse.microprofile.config.ConfigProvider;

/** Who made a change: a Keycloak subject and a readable name, or the service itself (scheduled jobs). */
public record Actor(String subject, String name) {

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.displayName());
    }

    /** The service itself, e.g. {@code system:membership-service}, from {@code kanoon.service}. */
    public static Actor system() {
        String service = ConfigProvider.getConfig().getValue("kanoon.service", String.class);
        return new Actor("system:" + service + "-service", service + "-service");
    }
}
