package ir.kanoon.e2e;

import ir.kanoon.examples.dashboard.MinistryDashboard;
import ir.kanoon.examples.dashboard.NationalCounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static ir.kanoon.e2e.Flows.api;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the ministry-dashboard example against the stack's Kafka and compares its counts for a province with what
 * the services' APIs tell the ministry analyst (members/stats, the Board, held meetings, idea facets, tours).
 */
final class DashboardCheck {

    private DashboardCheck() {
    }

    static void run(String province) {
        String analyst = Stack.tokenOf("ministry-analyst");
        try (MinistryDashboard dashboard = new MinistryDashboard(Stack.KAFKA).start()) {
            await("dashboard counts of " + province + " equal the services' APIs").atMost(Flows.EVENTUAL)
                    .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                        NationalCounts.ProvinceCounts c = dashboard.counts().province(province);
                        assertEquals(nonZero(given().auth().oauth2(analyst).queryParam("province", province)
                                .get(api("/members/stats")).then().statusCode(200).extract().jsonPath()
                                .getMap("byCategory", String.class, Long.class)), c.membersByCategory(), "members by category");
                        assertEquals(given().auth().oauth2(analyst).get(api("/boards/" + province)).then().statusCode(200)
                                .extract().jsonPath().getLong("seatsFilled"), c.boardSeatsFilled(), "Board seats filled");
                        assertEquals(grouped(given().auth().oauth2(analyst).queryParam("province", province)
                                .queryParam("status", "HELD").queryParam("limit", 100).get(api("/meetings"))
                                .then().statusCode(200).extract().jsonPath().getList("items.body", String.class)),
                                c.meetingsHeldByBody(), "meetings held by body");
                        assertEquals(nonZero(given().auth().oauth2(analyst).queryParam("province", province)
                                .get(api("/ideas/facets")).then().statusCode(200).extract().jsonPath()
                                .getMap("status", String.class, Long.class)), c.ideasByStatus(), "ideas by status");
                        Map<String, Long> tours = grouped(given().auth().oauth2(analyst).queryParam("province", province)
                                .queryParam("limit", 100).get(api("/tours")).then().statusCode(200).extract().jsonPath()
                                .getList("items.status", String.class));
                        tours.remove("DRAFT");
                        assertEquals(tours, c.toursByStatus(), "tours by status");
                    });
            // and the same numbers over the example's HTTP endpoint
            int port = dashboard.serve(0);
            NationalCounts.ProvinceCounts c = dashboard.counts().province(province);
            given().get("http://127.0.0.1:" + port + "/counts/" + province).then().statusCode(200)
                    .body("province", equalTo(province)).body("boardSeatsFilled", equalTo((int) c.boardSeatsFilled()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v != null && v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Map<String, Long> grouped(List<String> values) {
        Map<String, Long> out = new TreeMap<>();
        values.forEach(v -> out.merge(v, 1L, Long::sum));
        return out;
    }
}
