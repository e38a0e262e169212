package ir.kanoon.platform.rolesync;

/** Where roles live (Keycloak in production; a fake in tests). Called outside any database transaction. */
public interface RoleDirectory {

    /**
     * Brings the user to the desired state; idempotent. Returns false when the user does not exist (nothing
     * to do, ever); throws when the directory failed or did not answer in time (retried later).
     */
    boolean apply(DesiredRole desired);
}
