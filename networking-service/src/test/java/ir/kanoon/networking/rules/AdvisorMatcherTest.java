package ir.kanoon.networking.rules;

import ir.kanoon.networking.advice.AdviceRequest;
import ir.kanoon.networking.advice.AdviceRules;
import ir.kanoon.networking.advice.Advisor;
import ir.kanoon.networking.advice.AdvisorMatcher;
import ir.kanoon.networking.advice.AdvisorMatcher.Candidate;
import ir.kanoon.networking.advice.AdvisorMatcher.Question;
import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Art. 3-11 Voice of the Advisor matching and SLA, without Quarkus. */
class AdvisorMatcherTest {

    static final Set<Advisor.Channel> ALL = Set.of(Advisor.Channel.CALL, Advisor.Channel.MESSAGE, Advisor.Channel.MEETING);

    static Candidate c(String id, String province, int capacity, int load, String... expertise) {
        return new Candidate(UUID.nameUUIDFromBytes(id.getBytes()), "user-" + id, province, List.of(expertise), ALL,
                capacity, load, true);
    }

    static UUID id(String id) {
        return UUID.nameUUIDFromBytes(id.getBytes());
    }

    static Question q(String province, String... tags) {
        return new Question("asker", province, List.of(tags), Advisor.Channel.MESSAGE);
    }

    @Test
    void art3_11_anAdvisorAtCapacityIsNotMatched() {
        var full = c("full", "IR-07", 3, 3, "صادرات");
        assertTrue(AdvisorMatcher.match(q("IR-07", "صادرات"), List.of(full), Set.of()).isEmpty());
        var free = c("free", "IR-08", 3, 2, "صادرات");
        assertEquals(id("free"), AdvisorMatcher.match(q("IR-07", "صادرات"), List.of(full, free), Set.of())
                .orElseThrow().advisorId());
    }

    @Test
    void art3_11_moreSharedExpertiseFirst_thenSameProvince_thenLowerLoad() {
        var twoTags = c("two", "IR-08", 5, 4, "صادرات", "زعفران");
        var local = c("local", "IR-07", 5, 0, "صادرات");
        assertEquals(id("two"), AdvisorMatcher.match(q("IR-07", "صادرات", "زعفران"), List.of(local, twoTags), Set.of())
                .orElseThrow().advisorId());
        var remote = c("remote", "IR-08", 5, 0, "صادرات");
        var match = AdvisorMatcher.match(q("IR-07", "صادرات"), List.of(remote, local), Set.of()).orElseThrow();
        assertEquals(id("local"), match.advisorId());
        assertTrue(match.reason().contains("same (IR-07)"), match.reason());
        var busy = c("busy", "IR-07", 10, 8, "صادرات");
        assertEquals(id("local"), AdvisorMatcher.match(q("IR-07", "صادرات"), List.of(busy, local), Set.of())
                .orElseThrow().advisorId());
    }

    @Test
    void art3_11_foldedTags_ownQuestion_excluded_channel_inactive() {
        var arabic = c("ar", "IR-07", 5, 0, "كارآفريني");
        assertTrue(AdvisorMatcher.match(q("IR-07", "کار آفرینی"), List.of(arabic), Set.of()).isPresent());
        var self = new Candidate(id("self"), "asker", "IR-07", List.of("x"), ALL, 5, 0, true);
        assertTrue(AdvisorMatcher.match(q("IR-07", "x"), List.of(self), Set.of()).isEmpty());
        assertTrue(AdvisorMatcher.match(q("IR-07", "كارآفريني"), List.of(arabic), Set.of(id("ar"))).isEmpty());
        var callOnly = new Candidate(id("call"), "u", "IR-07", List.of("x"), Set.of(Advisor.Channel.CALL), 5, 0, true);
        assertTrue(AdvisorMatcher.match(q("IR-07", "x"), List.of(callOnly), Set.of()).isEmpty());
        var inactive = new Candidate(id("in"), "u", "IR-07", List.of("x"), ALL, 5, 0, false);
        assertTrue(AdvisorMatcher.match(q("IR-07", "x"), List.of(inactive), Set.of()).isEmpty());
        assertTrue(AdvisorMatcher.match(q("IR-07", "y"), List.of(c("other", "IR-07", 5, 0, "x")), Set.of()).isEmpty());
    }

    @Test
    void art3_11_slaAndLifecycle() {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        Instant due = AdviceRules.due(at, Duration.ofHours(72));
        assertEquals(Instant.parse("2026-12-04T08:00:00Z"), due);
        assertTrue(AdviceRules.overdue(AdviceRequest.Status.ASSIGNED, due, due.plusSeconds(1)));
        assertFalse(AdviceRules.overdue(AdviceRequest.Status.ANSWERED, due, due.plusSeconds(1)));
        assertTrue(AdviceRules.withinSla(due, due));
        assertFalse(AdviceRules.withinSla(due.plusSeconds(1), due));
        assertEquals(AdviceRequest.Status.ANSWERED, AdviceRules.next(AdviceRequest.Status.ASSIGNED, "answer"));
        assertThrows(ApiException.class, () -> AdviceRules.next(AdviceRequest.Status.NEW, "answer"));
        assertThrows(ApiException.class, () -> AdviceRules.next(AdviceRequest.Status.ASSIGNED, "close"));
        assertThrows(ApiException.class, () -> AdviceRules.next(AdviceRequest.Status.ANSWERED, "reassign"));
    }
}
