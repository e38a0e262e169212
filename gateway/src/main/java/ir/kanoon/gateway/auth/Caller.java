package ir.kanoon.gateway.auth;

/**
 * Who is calling, as far as the gateway cares: a stable key for rate limiting. The gateway does not
 * authorise by role; every service does that itself (conventions: defence in depth).
 *
 * @param client token subject (or client id of a service account), or {@code ip:<address>} when anonymous
 */
public record Caller(String client, boolean authenticated) {
}
