package ir.kanoon.membership.keycloak;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Pushes pending role states ({@code keycloak_sync}) to Keycloak through the Admin REST client with the
 * service account; failures back off exponentially per user (up to {@code max-backoff}) and are retried
 * for as long as it takes. Rows are taken {@code FOR UPDATE SKIP LOCKED}, so replicas share the work.
 */
@ApplicationScoped
public class KeycloakSyncJob {

    private static final Logger LOG = Logger.getLogger(KeycloakSyncJob.class);
    private static final int BATCH = 50;

    @Inject
    KeycloakSyncConfig config;

    @Inject
    EntityManager em;

    private volatile Keycloak keycloak;

    @Scheduled(identity = "keycloak-role-sync", every = "{kanoon.keycloak-sync.interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.enabled()) {
            syncPending(new MemberRoles(client().realm(config.realm()), config.role()));
        }
    }

    /** One batch: applies each due row and records success or the next attempt. Returns rows handled. */
    public int syncPending(MemberRoles roles) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> due = em.createNativeQuery("""
                            SELECT user_subject, member, province, attempts FROM keycloak_sync
                            WHERE NOT synced AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT :n FOR UPDATE SKIP LOCKED""")
                    .setParameter("n", BATCH).getResultList();
            for (Object[] row : due) {
                String user = (String) row[0];
                int attempts = ((Number) row[3]).intValue();
                try {
                    boolean exists = roles.apply(user, (Boolean) row[1], (String) row[2]);
                    if (!exists) {
                        LOG.warnf("Keycloak user %s no longer exists; role sync skipped", user);
                    }
                    em.createNativeQuery("UPDATE keycloak_sync SET synced = true, last_error = NULL WHERE user_subject = :u")
                            .setParameter("u", user).executeUpdate();
                } catch (RuntimeException e) {
                    Duration wait = backoff(attempts + 1, config.maxBackoff());
                    LOG.warnf("Keycloak role sync for %s failed (attempt %d), retrying in %s: %s", user, attempts + 1,
                            wait, e.toString());
                    em.createNativeQuery("""
                                    UPDATE keycloak_sync SET attempts = attempts + 1, next_attempt_at = :next,
                                    last_error = :err WHERE user_subject = :u""")
                            .setParameter("next", Timestamp.from(Instant.now().plus(wait)))
                            .setParameter("err", String.valueOf(e.getMessage()))
                            .setParameter("u", user).executeUpdate();
                }
            }
            return due.size();
        });
    }

    /** 1 s, 2 s, 4 s, … capped. */
    static Duration backoff(int attempt, Duration max) {
        long seconds = 1L << Math.min(attempt - 1, 20);
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(max) > 0 ? max : d;
    }

    private Keycloak client() {
        if (keycloak == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(config.serverUrl())
                            .realm(config.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(config.clientId())
                            .clientSecret(config.clientSecret().orElseThrow(() ->
                                    new IllegalStateException("set kanoon.keycloak-sync.client-secret")))
                            .build();
                }
            }
        }
        return keycloak;
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
