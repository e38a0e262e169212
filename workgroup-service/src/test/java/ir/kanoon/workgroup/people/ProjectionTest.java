package ir.kanoon.workgroup.people;

import io.quarkus.narayana.jta.QuarkusTransaction;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.workgroup.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The projection of members and trustees: the same event twice is applied once; a late old fact changes nothing. */
@KanoonTest
class ProjectionTest {

    static final String P = "IR-08";

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        String event = Fixtures.memberEvent("admitted", id, "u-" + id, P, "ACTIVE");
        String eventId = CloudEvents.fromJson(event).id();
        Fixtures.send("kanoon.membership.events", id.toString(), event);
        Fixtures.send("kanoon.membership.events", id.toString(), event);
        Fixtures.awaitPerson(id, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) EligiblePerson.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE event_id = :e").setParameter("e", eventId)
                        .getSingleResult()).intValue() == 1));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> EligiblePerson.count("personId", id)));
    }

    @Test
    void aSuspensionEndsEligibility_andALateRedeliveredAdmissionDoesNotRevive() {
        UUID id = UUID.randomUUID();
        String admitted = Fixtures.memberEvent("admitted", id, "u-" + id, P, "ACTIVE");
        Fixtures.send("kanoon.membership.events", id.toString(), admitted);
        Fixtures.awaitPerson(id, true);
        Fixtures.send("kanoon.membership.events", id.toString(), Fixtures.memberEvent("suspended", id, null, P, "SUSPENDED"));
        Fixtures.awaitPerson(id, false);
        // the admission again, with a new event id but its old time: no revival
        Map<String, Object> data = new HashMap<>();
        data.put("memberId", id.toString());
        data.put("province", P);
        data.put("status", "ACTIVE");
        var old = CloudEvents.fromJson(admitted);
        var replay = new ir.kanoon.platform.events.CloudEvent(old.specversion(), UUID.randomUUID().toString(), old.source(),
                old.type(), old.subject(), old.time(), old.datacontenttype(), old.provincecode(), old.data());
        Fixtures.send("kanoon.membership.events", id.toString(), CloudEvents.toJson(replay));
        // a marker after it on the same partition tells us the replay was consumed
        UUID marker = UUID.randomUUID();
        Fixtures.send("kanoon.membership.events", id.toString(), Fixtures.memberEvent("admitted", marker, null, P, "ACTIVE"));
        Fixtures.awaitPerson(marker, true);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> EligiblePerson.<EligiblePerson>findById(id).active));
    }

    @Test
    void aTrusteeWhoLeftIsNoLongerEligible() {
        UUID appointment = Fixtures.trustee(P, "t-" + UUID.randomUUID());
        Map<String, Object> data = new HashMap<>();
        data.put("appointmentId", appointment.toString());
        data.put("province", P);
        data.put("seat", "ENTREPRENEUR");
        data.put("reason", "RESIGNED");
        Fixtures.send("kanoon.governance.events", appointment.toString(), CloudEvents.toJson(CloudEvents.create(
                "/kanoon/governance", "ir.kanoon.governance.trustee.left.v1", appointment.toString(), P, data)));
        Fixtures.awaitPerson(appointment, false);
    }
}
