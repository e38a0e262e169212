package ir.kanoon.e2e;

import io.restassured.path.json.JsonPath;
import ir.kanoon.demo.DemoData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 "Demo data": the loader ({@code kanoon demo}, module {@code demo/}) fills the stack through the gateway in
 * under two minutes, and a demo user who logs in as the README says sees it — Tehran's full Board (Art. 6, R1/R2),
 * its officers (Art. 8, R6), members of the four categories (Art. 4, R7), the five working groups (Art. 9, R10),
 * held meetings (R9), ideas in every state of the stage gate (Art. 3-6) and a tour with a waitlist (Art. 3-9).
 * A second run creates nothing.
 *
 * <p>Runs last in the suite ({@code junit-platform.properties} orders classes by {@link Order}): the demo data fills
 * both Boards, and other scenarios fill them seat by seat themselves. The loader copes with what it finds (a full seat
 * stays as it is), so this test also passes after them.
 */
@Order(Integer.MAX_VALUE)
class DemoDataIT {

    private static DemoData loader() {
        return new DemoData(Stack.GATEWAY, Stack.KEYCLOAK, Stack.DEMO_PASSWORD, "admin", "admin");
    }

    private static JsonPath get(String user, String path) {
        return given().auth().oauth2(Stack.tokenOf(user)).get(Stack.GATEWAY + "/api/v1" + path)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void demoDataLoadsInUnderTwoMinutes_andDemoUsersSeeIt_andASecondRunCreatesNothing() {
        DemoData.Report first = loader().run();
        System.out.print(first.render());
        System.out.printf("demo data: first run %d ms, %d calls, %d created%n", first.took.toMillis(), first.calls, first.totalCreated());
        assertTrue(first.took.compareTo(Duration.ofMinutes(2)) < 0, "issue 12: under two minutes, took " + first.took);

        // R1/R2 (Art. 6): Tehran's Board has all 11 seats filled, as its trustee sees it
        JsonPath board = get("tehran-trustee", "/boards/IR-07");
        assertEquals(11, board.getInt("seatsTotal"));
        assertEquals(11, board.getInt("seatsFilled"), "Tehran's Board is full");
        assertEquals(11, get("isfahan-trustee", "/boards/IR-04").getInt("seatsFilled"), "Isfahan's Board is full");

        // R6 (Art. 8): President and Secretary appointed
        List<String> offices = get("tehran-member", "/officers?province=IR-07&status=ACTIVE&limit=100").getList("items.office");
        assertTrue(offices.containsAll(List.of("PRESIDENT", "SECRETARY")), "officers: " + offices);

        // R7 (Art. 4): active members of each of the four categories, as the province's secretariat counts them
        JsonPath stats = get("tehran-secretariat", "/members/stats?province=IR-07");
        for (String category : List.of("ENTREPRENEUR", "FACULTY", "NGO_REPRESENTATIVE", "GOVERNMENT_REPRESENTATIVE")) {
            assertTrue(stats.getInt("byCategory." + category) >= 3, category + " members: " + stats.prettify());
        }
        // the realm's demo member is a real, active member now
        assertEquals("ACTIVE", get("tehran-member", "/members/me").getString("status"));

        // R10 (Art. 9): the five working groups are formed; R9: meetings of the Board and the Association were held
        assertEquals(5, get("tehran-member", "/working-groups?province=IR-07&status=ACTIVE&limit=100").getList("items")
                .stream().map(g -> ((Map<?, ?>) g).get("type")).distinct().count());
        List<String> heldBodies = get("tehran-member", "/meetings?province=IR-07&status=HELD&limit=100").getList("items.body");
        assertTrue(heldBodies.stream().filter("BOARD_OF_TRUSTEES"::equals).count() >= 3, "Board meetings held: " + heldBodies);
        assertTrue(heldBodies.stream().filter("ASSOCIATION"::equals).count() >= 6, "Association meetings held: " + heldBodies);
        assertTrue(heldBodies.contains("WORKING_GROUP"), "working-group meetings held: " + heldBodies);

        // Art. 3-6: ideas in every state, as Tehran's secretariat (who sees them all in full) counts them
        JsonPath facets = get("tehran-secretariat", "/ideas/facets?province=IR-07");
        for (String status : List.of("SUBMITTED", "SCREENING", "UNDER_EVALUATION", "ACCEPTED", "REJECTED",
                "NEEDS_REVISION", "REFERRED", "MERGED")) {
            Integer n = facets.get("status." + status);
            assertTrue(n != null && n > 0, "ideas " + status + ": " + facets.prettify());
        }

        // Art. 3-9: the tour filled up and has a waitlist
        String tourId = get("tehran-member", "/tours?province=IR-07&limit=100").getList("items", Map.class).stream()
                .filter(t -> String.valueOf(t.get("title")).startsWith("تور بازدید از پارک فناوری پردیس"))
                .map(t -> String.valueOf(t.get("id"))).findFirst().orElseThrow();
        List<String> registrations = get("tehran-secretariat", "/tours/" + tourId + "/registrations?limit=100").getList("items.status");
        assertEquals(4, registrations.stream().filter("CONFIRMED"::equals).count(), "confirmed: " + registrations);
        assertTrue(registrations.contains("WAITLISTED"), "waitlist: " + registrations);

        // partners, support packages, advisors and experiences are there for the front-end too
        assertTrue(get("tehran-member", "/partners?province=IR-07&limit=100").getList("items").size() >= 4);
        assertTrue(get("tehran-member", "/support-packages?limit=100").getList("items").size() >= 2);
        assertTrue(get("tehran-member", "/advisors?province=IR-07").getList("items").size() >= 1);
        assertTrue(get("tehran-member", "/experiences?province=IR-07&status=PUBLISHED&limit=100").getList("items").size() >= 1);

        // idempotent: running it again creates nothing and leaves the numbers as they were
        int ideas = facets.getInt("total");
        DemoData.Report second = loader().run();
        System.out.print(second.render());
        assertEquals(0, second.totalCreated(), "second run created:\n" + second.render());
        assertEquals(ideas, get("tehran-secretariat", "/ideas/facets?province=IR-07").getInt("total"));
        assertEquals(11, get("tehran-trustee", "/boards/IR-07").getInt("seatsFilled"));
    }
}
