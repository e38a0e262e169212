package ir.kanoon.networking.advice;

import ir.kanoon.platform.persian.PersianText;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Voice of the Advisor matching (Art. 3-11), without Quarkus. An advisor qualifies when active, offering the asked
 * channel, sharing at least one expertise tag (Persian-folded) with the question, not the asker themselves, not
 * excluded (a reassignment away from them) and below their weekly capacity — an advisor at capacity is never
 * matched. Among those: most shared tags, then the question's province, then the lowest load relative to capacity.
 */
public final class AdvisorMatcher {

    private AdvisorMatcher() {
    }

    /** An advisor as the matcher sees them; {@code load} = questions assigned to them in the last 7 days. */
    public record Candidate(UUID id, String userId, String province, List<String> expertise, Set<Advisor.Channel> channels,
                            int weeklyCapacity, int load, boolean active) {
    }

    public record Question(String askerUserId, String province, List<String> expertise, Advisor.Channel channel) {
    }

    public record Match(UUID advisorId, String reason) {
    }

    public static Optional<Match> match(Question q, Collection<Candidate> candidates, Set<UUID> excluded) {
        Set<String> asked = folded(q.expertise());
        record Scored(Candidate c, List<String> shared, boolean sameProvince) {
        }
        return candidates.stream()
                .filter(Candidate::active)
                .filter(c -> !excluded.contains(c.id()))
                .filter(c -> !c.userId().equals(q.askerUserId()))       // nobody advises on their own question
                .filter(c -> c.load() < c.weeklyCapacity())             // at capacity: not matched
                .filter(c -> q.channel() == null || c.channels().contains(q.channel()))
                .map(c -> new Scored(c, c.expertise().stream().filter(e -> asked.contains(PersianText.fold(e))).toList(),
                        c.province().equalsIgnoreCase(q.province())))
                .filter(s -> !s.shared().isEmpty())
                .min(Comparator.<Scored>comparingInt(s -> -s.shared().size())
                        .thenComparing(s -> !s.sameProvince())
                        .thenComparingDouble(s -> (double) s.c().load() / s.c().weeklyCapacity())
                        .thenComparing(s -> s.c().id()))
                .map(s -> new Match(s.c().id(), "expertise " + String.join("، ", s.shared())
                        + "; province " + (s.sameProvince() ? "same (" + s.c().province() + ")" : s.c().province())
                        + "; load " + s.c().load() + "/" + s.c().weeklyCapacity() + " this week"));
    }

    private static Set<String> folded(Collection<String> tags) {
        return tags.stream().map(PersianText::fold).collect(Collectors.toSet());
    }
}
