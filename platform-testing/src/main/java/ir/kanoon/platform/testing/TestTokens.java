package ir.kanoon.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Mints signed JWTs shaped like the {@code kanoon} Keycloak realm's access tokens (issuer, audience
 * {@code kanoon-api}, {@code realm_access.roles}, {@code province}), accepted by a service under test
 * that runs with {@link OidcTestResource}; plus deliberately bad ones for negative tests.
 *
 * <pre>{@code
 * String token = TestTokens.user("u-1").roles("secretariat").province("IR-07").sign();
 * given().auth().oauth2(token)...
 * }</pre>
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/kanoon";
    public static final String AUDIENCE = "kanoon-api";

    private static final KeyPair KEYS = newKeyPair();
    private static final KeyPair OTHER_KEYS = newKeyPair();

    private TestTokens() {
    }

    /** Base64 X.509 public key the service under test verifies signatures with. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A token for a person (the subject is the Keycloak user id). */
    public static Builder user(String subject) {
        return new Builder(subject);
    }

    /** A client-credentials token of another government system (role {@code integration}). */
    public static Builder serviceAccount(String clientId) {
        return new Builder("service-account-" + clientId).claim("azp", clientId).roles("integration");
    }

    // --- Presets: the realm's roles as the services see them (conventions: Security). Each returns a signed token.

    /** Any signed-in person (role {@code applicant}). */
    public static String applicant(String subject) {
        return user(subject).roles("applicant").sign();
    }

    /** Staff of a province's Directorate-General of Labour; {@code province} scopes the role. */
    public static String secretariat(String province) {
        return user("sec-" + province).roles("secretariat").province(province).sign();
    }

    /** The Director-General of Labour of {@code province} (Board Secretary). */
    public static String labourDg(String province) {
        return user("dg-" + province).roles("labour-dg").province(province).sign();
    }

    /** The Governorate's Deputy for Planning of {@code province} (Board Chair). */
    public static String planningDeputy(String province) {
        return user("pd-" + province).roles("planning-deputy").province(province).sign();
    }

    /** A member of the Association of {@code memberProvince} (claim {@code member_province}, set by the role sync). */
    public static String member(String subject, String memberProvince) {
        return user(subject).roles("member").claim("member_province", memberProvince).sign();
    }

    /** Reads everything, every province; never passes a write check. */
    public static String ministryAnalyst() {
        return user("analyst").roles("ministry-analyst").sign();
    }

    /** Everything, every province. */
    public static String ministryAdmin() {
        return user("ministry-admin").roles("ministry-admin").sign();
    }

    /** Another government system (client credentials, role {@code integration}: read-only). */
    public static String integration(String clientId) {
        return serviceAccount(clientId).sign();
    }

    public static final class Builder {
        private final String subject;
        private List<String> roles = List.of();
        private String province;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
        private PrivateKey key = KEYS.getPrivate();
        private final java.util.LinkedHashMap<String, Object> extra = new java.util.LinkedHashMap<>();

        private Builder(String subject) {
            this.subject = subject;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder province(String province) {
            this.province = province;
            return this;
        }

        public Builder claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Negative test: a token whose {@code exp} has passed. */
        public Builder expired() {
            this.expiresAt = Instant.now().minus(Duration.ofMinutes(5));
            return this;
        }

        /** Negative test: signed by a key the service does not trust. */
        public Builder badSignature() {
            this.key = OTHER_KEYS.getPrivate();
            return this;
        }

        public String sign() {
            JwtClaimsBuilder claims = Jwt.claims()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    .issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
                    .expiresAt(expiresAt)
                    .claim("typ", "Bearer")
                    .claim("preferred_username", subject)
                    .claim("realm_access", Map.of("roles", roles));
            if (province != null) {
                claims.claim("province", province);
            }
            extra.forEach(claims::claim);
            return claims.jws().keyId("test-key").sign(key);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
