package ir.kanoon.platform.security;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import ir.kanoon.platform.problem.ApiException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The province policy of {@link Caller} without Quarkus: a fake identity and token per case. */
class CallerPolicyTest {

    private static final String TEHRAN = "IR-07";
    private static final String ISFAHAN = "IR-04";

    @Test
    void staffScopeIsTheProvinceClaimNeverTheMemberProvince() {
        // The reproduced escalation: Tehran's secretariat became a member in Isfahan.
        Caller c = caller(Map.of("province", TEHRAN, "member_province", ISFAHAN), Roles.SECRETARIAT, Roles.MEMBER);
        assertEquals(Optional.of(TEHRAN), c.province());
        assertEquals(Optional.of(ISFAHAN), c.memberProvince());
        assertTrue(c.isOwnProvince(TEHRAN));
        assertFalse(c.isOwnProvince(ISFAHAN));
        assertTrue(c.isMemberOf(ISFAHAN));
        assertTrue(c.mayRead(TEHRAN));
        assertFalse(c.mayRead(ISFAHAN));
        assertFalse(c.mayWrite(ISFAHAN));
        assertEquals(403, assertThrows(ApiException.class, () -> c.requireWrite(ISFAHAN)).status());
        assertEquals(403, assertThrows(ApiException.class, () -> c.provinceScope(ISFAHAN)).status());
        assertEquals(Optional.of(TEHRAN), c.provinceScope(null));
    }

    @Test
    void aMemberWithoutStaffScopeReadsNoProvinceAsStaff() {
        Caller c = caller(Map.of("member_province", ISFAHAN), Roles.MEMBER);
        assertTrue(c.province().isEmpty());
        assertFalse(c.mayRead(ISFAHAN));
        assertFalse(c.mayWrite(ISFAHAN));
        assertThrows(ApiException.class, () -> c.provinceScope(ISFAHAN));
    }

    @Test
    void ministryAnalystReadsEveryProvinceButRequireProvinceRefusesItsWrites() {
        Caller c = caller(Map.of(), Roles.MINISTRY_ANALYST);
        assertTrue(c.isReadOnly());
        assertTrue(c.mayRead(ISFAHAN));
        assertFalse(c.mayWrite(ISFAHAN));
        ApiException e = assertThrows(ApiException.class, () -> c.requireProvince(ISFAHAN));
        assertEquals(403, e.status());
        assertEquals("forbidden-read-only", e.code());
        assertEquals(Roles.MINISTRY_ANALYST, e.args()[0]);
    }

    @Test
    void integrationIsReadOnlyUnlessGrantedWrite() {
        Caller national = caller(Map.of(), Roles.INTEGRATION);
        assertTrue(national.mayRead(ISFAHAN));
        ApiException e = assertThrows(ApiException.class, () -> national.requireProvince(ISFAHAN));
        assertEquals("forbidden-read-only", e.code());
        assertEquals(Roles.INTEGRATION, e.args()[0]);

        Caller granted = caller(Map.of("province", ISFAHAN), Roles.INTEGRATION, Roles.INTEGRATION_WRITE);
        assertDoesNotThrow(() -> granted.requireWrite(ISFAHAN));
        assertEquals("forbidden-province", assertThrows(ApiException.class, () -> granted.requireWrite(TEHRAN)).code());
    }

    @Test
    void ministryAdminWritesEverywhereAndProvincialStaffOnlyInTheirProvince() {
        assertDoesNotThrow(() -> caller(Map.of(), Roles.MINISTRY_ADMIN).requireWrite(ISFAHAN));
        Caller dg = caller(Map.of("province", TEHRAN), Roles.LABOUR_DG);
        assertDoesNotThrow(() -> dg.requireWrite(TEHRAN));
        assertDoesNotThrow(() -> dg.requireWrite("ir-07"));
        assertEquals("forbidden-province", assertThrows(ApiException.class, () -> dg.requireProvince(ISFAHAN)).code());
    }

    @Test
    void nationalIdClaimIsNormalisedAndAnInvalidOneIgnored() {
        assertEquals(Optional.of("0010350829"), caller(Map.of("national_id", "۰۰۱۰۳۵۰۸۲۹")).nationalId());
        assertEquals(Optional.empty(), caller(Map.of("national_id", "0010350828")).nationalId());
        assertEquals(Optional.empty(), caller(Map.of()).nationalId());
    }

    static Caller caller(Map<String, Object> claims, String... roles) {
        Caller c = new Caller();
        c.identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("u-1"))
                .addRoles(Set.of(roles)).build();
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "u-1");
        c.token = new JsonWebToken() {
            @Override
            public String getName() {
                return "u-1";
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) all.get(claimName);
            }
        };
        return c;
    }
}
