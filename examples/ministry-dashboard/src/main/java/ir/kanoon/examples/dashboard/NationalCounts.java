package ir.kanoon.examples.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * National counts per province, folded from the services' CloudEvents. Pure logic, no Kafka: feed it events in
 * topic order with {@link #apply(JsonNode)}.
 *
 * <p>Idempotent by CloudEvent {@code id}: Kafka delivers at least once (a relay may publish an outbox row twice, a
 * consumer may re-read after a crash), so an id seen before changes nothing. Every count is derived from the
 * latest known state of each aggregate (member, appointment, meeting, idea, tour), never by adding +1 per event,
 * so a replay from the beginning rebuilds exactly the same numbers. Each service keys its records by aggregate
 * id, so one aggregate's events arrive in order within its partition; across aggregates no order is needed.
 */
public final class NationalCounts {

    /** Latest state of one aggregate: its province and the value counted (category, status, body...). */
    private record State(String province, String value) {
    }

    private final Set<String> seenIds = new HashSet<>();
    private final Map<String, State> members = new HashMap<>();      // memberId → province, category (ACTIVE only)
    private final Map<String, State> seats = new HashMap<>();        // appointmentId → province (seat filled)
    private final Map<String, State> meetings = new HashMap<>();     // meetingId → province, body (held)
    private final Map<String, State> ideas = new HashMap<>();        // ideaId → province, status
    private final Map<String, State> tours = new HashMap<>();        // tourId → host province, PUBLISHED|COMPLETED
    private long applied;
    private long duplicates;

    /** Applies one CloudEvent; returns false for a duplicate (same id) or an event this dashboard does not count. */
    public synchronized boolean apply(JsonNode event) {
        String id = event.path("id").asText("");
        if (id.isEmpty() || !seenIds.add(id)) {
            duplicates++;
            return false;
        }
        String type = event.path("type").asText("");
        JsonNode d = event.path("data");
        boolean counted = true;
        switch (type) {
            case "ir.kanoon.membership.member.admitted.v1", "ir.kanoon.membership.member.suspended.v1",
                 "ir.kanoon.membership.member.reinstated.v1", "ir.kanoon.membership.member.renewed.v1",
                 "ir.kanoon.membership.member.expired.v1", "ir.kanoon.membership.member.terminated.v1",
                 "ir.kanoon.membership.member.profile-updated.v1" -> {
                String memberId = d.path("memberId").asText();
                if ("ACTIVE".equals(d.path("status").asText())) {
                    members.put(memberId, new State(d.path("province").asText(), d.path("category").asText()));
                } else {
                    members.remove(memberId);
                }
            }
            case "ir.kanoon.governance.trustee.appointed.v1" ->
                    seats.put(d.path("appointmentId").asText(), new State(d.path("province").asText(), "FILLED"));
            case "ir.kanoon.governance.trustee.left.v1" -> seats.remove(d.path("appointmentId").asText());
            case "ir.kanoon.workgroup.meeting.held.v1" ->
                    meetings.put(d.path("meetingId").asText(), new State(d.path("province").asText(), d.path("body").asText()));
            case "ir.kanoon.ideabank.idea.submitted.v1" ->
                    ideas.putIfAbsent(d.path("ideaId").asText(), new State(d.path("province").asText(), "SUBMITTED"));
            case "ir.kanoon.ideabank.idea.status-changed.v1" ->
                    ideas.put(d.path("ideaId").asText(), new State(d.path("province").asText(), d.path("to").asText()));
            case "ir.kanoon.networking.tour.published.v1" ->
                    tours.putIfAbsent(d.path("tourId").asText(), new State(d.path("hostProvince").asText(), "PUBLISHED"));
            case "ir.kanoon.networking.tour.completed.v1" ->
                    tours.put(d.path("tourId").asText(), new State(d.path("hostProvince").asText(), "COMPLETED"));
            default -> counted = false;
        }
        applied++;
        return counted;
    }

    /** Counts of one province, the shape the HTTP endpoint serves. */
    public synchronized ProvinceCounts province(String province) {
        return new ProvinceCounts(province, group(members, province), count(seats, province),
                group(meetings, province), group(ideas, province), group(tours, province));
    }

    /** Every province that has anything counted, in code order. */
    public synchronized Map<String, ProvinceCounts> national() {
        Set<String> provinces = new HashSet<>();
        for (Map<String, State> m : java.util.List.of(members, seats, meetings, ideas, tours)) {
            m.values().forEach(s -> provinces.add(s.province()));
        }
        Map<String, ProvinceCounts> out = new TreeMap<>();
        provinces.forEach(p -> out.put(p, province(p)));
        return out;
    }

    public synchronized long applied() {
        return applied;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    private static Map<String, Long> group(Map<String, State> states, String province) {
        Map<String, Long> out = new TreeMap<>();
        states.values().stream().filter(s -> province.equals(s.province()))
                .forEach(s -> out.merge(s.value(), 1L, Long::sum));
        return out;
    }

    private static long count(Map<String, State> states, String province) {
        return states.values().stream().filter(s -> province.equals(s.province())).count();
    }

    /**
     * One province: active members by category (Art. 4), Board seats filled (of 11, Art. 6), meetings held by
     * body (Art. 7 Note, Art. 9 Note 2), ideas by status (Art. 3-6) and published/completed tours (Art. 3-9).
     */
    public record ProvinceCounts(String province, Map<String, Long> membersByCategory, long boardSeatsFilled,
                                 Map<String, Long> meetingsHeldByBody, Map<String, Long> ideasByStatus,
                                 Map<String, Long> toursByStatus) {
    }
}
