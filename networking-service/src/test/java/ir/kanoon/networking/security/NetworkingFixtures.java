package ir.kanoon.networking.security;

import ir.kanoon.networking.support.Members;
import ir.kanoon.platform.jalali.TehranTime;
import ir.kanoon.platform.testing.TestTokens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ir.kanoon.networking.support.Api.act;
import static ir.kanoon.networking.support.Api.post;

/** The resources of one province that the matrix and the hostile-input test aim at. */
record NetworkingFixtures(String tour, String draftTour, Members.M member) {

    static Map<String, Object> tour(String province) {
        LocalDate startsOn = TehranTime.today().plusDays(30);
        Instant now = Instant.now();
        Map<String, Object> b = new HashMap<>();
        b.put("hostProvince", province);
        b.put("title", "بازدید از شهرک صنعتی");
        b.put("description", "تور دستاوردهای کارآفرینی");
        b.put("itinerary", List.of(Map.of("day", 1, "city", "تبریز", "site", "شهرک صنعتی")));
        b.put("startsOn", startsOn.toString());
        b.put("endsOn", startsOn.plusDays(1).toString());
        b.put("capacity", 10);
        b.put("registrationOpens", now.minus(1, ChronoUnit.HOURS).toString());
        b.put("registrationCloses", now.plus(10, ChronoUnit.DAYS).toString());
        b.put("eligibility", "HOST_PROVINCE");
        return b;
    }

    static NetworkingFixtures in(String province) {
        String sec = TestTokens.secretariat(province);
        String open = post(sec, "/api/v1/tours", tour(province)).statusCode(201).extract().path("id");
        act(sec, "/api/v1/tours/" + open, "publish", null).statusCode(200);
        String draft = post(sec, "/api/v1/tours", tour(province)).statusCode(201).extract().path("id");
        Members.M member = Members.admitted(province, "عضو نمونه", "کارآفرینی");
        return new NetworkingFixtures(open, draft, member);
    }
}
