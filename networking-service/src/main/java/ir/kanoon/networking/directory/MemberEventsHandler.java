package ir.kanoon.networking.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.consumer.UnprocessableEventException;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.persian.PersianText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds the directory (Art. 3-7) from membership's {@code member.*} events. Idempotent twice over: the platform
 * consumer records each event id in {@code processed_event} in this transaction (a redelivery is a no-op), and
 * the entry keeps the time of the newest event applied, so an older event arriving late never undoes a newer
 * one. Only ACTIVE members are listed; the row of a suspended or terminated member stays (with its status) so
 * that a late {@code admitted} cannot bring them back.
 */
@ApplicationScoped
public class MemberEventsHandler implements EventHandler {

    public static final String GROUP = "networking.directory";
    public static final String TOPIC = "kanoon.membership.events";
    static final String PREFIX = "ir.kanoon.membership.member.";

    /** Our own copy of the fields we read from membership's member events; unknown fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemberEvent(UUID memberId, String membershipNumber, String userId, String province, String category,
                              String sector, String displayName, List<String> expertise, String status) {
    }

    @Inject
    EntityManager em;

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public java.util.Set<String> topics() {
        return java.util.Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) {
        if (event.type() == null || !event.type().startsWith(PREFIX) || !event.type().endsWith(".v1")) {
            return; // applications and future versions are not the directory's business
        }
        MemberEvent data;
        try {
            data = CloudEvents.data(event, MemberEvent.class);
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("unreadable member event: " + e.getClass().getSimpleName(), e);
        }
        if (data.memberId() == null || data.province() == null || data.status() == null || data.displayName() == null
                || data.category() == null) {
            // membership always sends these (its AsyncAPI requires them): such an event can never be applied
            throw new UnprocessableEventException("member event without memberId, province, category, status or displayName");
        }
        apply(data, event.time() == null ? Instant.now() : event.time());
    }

    /** Upsert, newest event wins (visible for tests). */
    public void apply(MemberEvent data, Instant asOf) {
        DirectoryEntry entry = em.find(DirectoryEntry.class, data.memberId(), LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new DirectoryEntry();
            entry.memberId = data.memberId();
        } else if (entry.asOf != null && entry.asOf.isAfter(asOf)) {
            return; // an older event delivered late
        }
        entry.userId = data.userId();
        entry.membershipNumber = data.membershipNumber();
        entry.province = data.province();
        entry.category = data.category();
        entry.sector = data.sector();
        entry.displayName = PersianText.canonical(data.displayName());
        List<String> expertise = new ArrayList<>();
        if (data.expertise() != null) {
            for (String e : data.expertise()) {
                String c = PersianText.canonical(e);
                if (c != null && !c.isEmpty()) {
                    expertise.add(c);
                }
            }
        }
        entry.expertise = expertise.toArray(String[]::new);
        entry.status = data.status();
        entry.searchKey = searchKey(entry);
        entry.asOf = asOf;
        if (!em.contains(entry)) {
            em.persist(entry);
        }
    }

    static String searchKey(DirectoryEntry e) {
        StringBuilder sb = new StringBuilder(PersianText.fold(e.displayName));
        for (String x : e.expertise) {
            sb.append(' ').append(PersianText.fold(x));
        }
        if (e.membershipNumber != null) {
            sb.append(' ').append(e.membershipNumber.toLowerCase());
        }
        return sb.toString();
    }
}
