package ir.kanoon.membership.history;

import ir.kanoon.platform.security.Caller;

/** Who made a change: a Keycloak subject and a readable name, or the service itself (scheduled jobs). */
public record Actor(String subject, String name) {

    public static final Actor SYSTEM = new Actor("system:membership-service", "membership-service");

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.displayName());
    }
}
