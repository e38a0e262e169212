package ir.kanoon.platform.rolesync;

/**
 * What Keycloak should hold for one user and one realm role: granted (with the scope province written to
 * {@code scopeAttribute}) or not. {@code seq} is the row's version: a push records its outcome only if no
 * newer desired state arrived meanwhile.
 */
public record DesiredRole(String userId, String role, boolean granted, String scopeProvince, String scopeAttribute,
                          long seq) {
}
