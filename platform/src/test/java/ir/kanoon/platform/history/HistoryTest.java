package ir.kanoon.platform.history;

import io.quarkus.narayana.jta.QuarkusTransaction;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The audit history every service records state changes in: written in the change's transaction, read in order. */
@KanoonTest
class HistoryTest {

    enum Status { DRAFT, ISSUED }

    @Inject
    History history;

    @Test
    void entriesAreReadBackOldestFirst_withEveryField() {
        UUID decree = UUID.randomUUID();
        Actor chair = new Actor("kc-123", "Planning Deputy");
        QuarkusTransaction.requiringNew().run(() -> {
            history.record("DECREE", decree, chair, "DRAFTED", null, Status.DRAFT, null, null);
            history.record(HistoryEntry.of("DECREE", decree, chair, "ISSUED").withStatus(Status.DRAFT, Status.ISSUED)
                    .withReference("D-1405-7").withReason("Board approved").withDocument("doc:decree-1405-7.pdf"));
        });
        List<HistoryView> views = history.of(decree);
        assertEquals(List.of("DRAFTED", "ISSUED"), views.stream().map(HistoryView::action).toList());
        HistoryView issued = views.get(1);
        assertEquals("kc-123", issued.actor());
        assertEquals("Planning Deputy", issued.actorName());
        assertEquals("DRAFT", issued.fromStatus());
        assertEquals("ISSUED", issued.toStatus());
        assertEquals("D-1405-7", issued.resolutionRef());
        assertEquals("Board approved", issued.reason());
        assertEquals("doc:decree-1405-7.pdf", issued.document());
        assertEquals("DECREE", history.entries(decree).get(0).aggregateType());
    }

    @Test
    void aRolledBackChangeLeavesNoHistory() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            history.record("DECREE", id, Actor.system(), "ISSUED", null, null, null, null);
            throw new IllegalStateException("the change failed");
        }));
        assertEquals(List.of(), history.of(id));
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class,
                () -> history.record("DECREE", UUID.randomUUID(), Actor.system(), "X", null, null, null, null));
    }

    @Test
    void theSystemActorIsNamedAfterKanoonService() {
        // test application.properties: kanoon.service=platformtest
        assertEquals(new Actor("system:platformtest-service", "platformtest-service"), Actor.system());
    }
}
