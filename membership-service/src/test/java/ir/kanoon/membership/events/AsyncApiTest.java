package ir.kanoon.membership.events;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.membership.member.MemberExpiryJob;
import ir.kanoon.membership.support.Events;
import ir.kanoon.platform.testing.AsyncApiDocument;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.applicant;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.patchCurrent;
import static ir.kanoon.membership.support.Fixtures.post;
import static ir.kanoon.membership.support.Fixtures.postCurrent;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.submitAs;
import static org.hamcrest.Matchers.containsString;

/**
 * The AsyncAPI document against what the service really published: one person's whole way through the
 * service (apply, decide, admit, suspend, reinstate, edit, expire, renew, terminate), read back from
 * {@code kanoon.membership.events}. Every event read must be documented with its shape, and every
 * documented type must have been read — so neither a new undocumented event nor a documented one the
 * code no longer sends goes unnoticed (the emitted set comes from Kafka, not from a list in the code).
 */
@KanoonTest
class AsyncApiTest {

    private static final String PROVINCE = "IR-22";

    @Inject
    MemberExpiryJob expiryJob;

    @Inject
    EntityManager em;

    @Test
    void everyEventReallyEmittedIsDocumented_andEveryDocumentedTypeIsEmitted() {
        String sec = secretariat(PROVINCE);
        String appId = submitAs("asyncapi-person", entrepreneur(PROVINCE, nationalId())).statusCode(201)
                .extract().path("id");
        String app = "/api/v1/applications/" + appId;
        postCurrent(sec, app, "review", null).statusCode(200);
        String memberId = postCurrent(sec, app, "decision",
                Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-3", "reason", "واجد شرایط"))
                .statusCode(200).extract().path("memberId");
        String member = "/api/v1/members/" + memberId;
        postCurrent(sec, member, "suspend", Map.of("reason", "غیبت", "resolutionRef", "HT-1405-4")).statusCode(200);
        postCurrent(sec, member, "reinstate", Map.of("reason", "رفع مانع", "resolutionRef", "HT-1405-5")).statusCode(200);
        patchCurrent(applicant("asyncapi-person"), member, Map.of("city", "شیراز")).statusCode(200);
        endTerm(UUID.fromString(memberId), LocalDate.now().minusDays(1));
        expiryJob.run(LocalDate.now());
        postCurrent(sec, member, "renew", Map.of("reason", "تمدید", "resolutionRef", "HT-1405-6")).statusCode(200);
        postCurrent(sec, member, "terminate", Map.of("reason", "استعفا", "resolutionRef", "HT-1405-7")).statusCode(200);

        List<JsonNode> emitted = Events.readUntil(Duration.ofSeconds(30),
                seen -> Events.types(Events.about(seen, memberId)).contains("ir.kanoon.membership.member.terminated.v1")
                        && Events.about(seen, appId).size() >= 3);
        List<JsonNode> ours = new ArrayList<>(Events.about(emitted, appId));
        ours.addAll(Events.about(emitted, memberId));

        AsyncApiDocument document = AsyncApiDocument.load();
        document.assertDocuments(ours);
        document.assertEveryTypeWasEmitted(ours);
        // and no personal data on the topic
        for (JsonNode event : ours) {
            JsonNode data = event.path("data");
            for (String field : List.of("nationalId", "mobile", "birthDate", "email")) {
                if (data.has(field)) {
                    throw new AssertionError(event.path("type").asText() + " carries " + field);
                }
            }
        }
    }

    @Test
    void theDocumentIsServedAtQAsyncapi() {
        given().get("/q/asyncapi").then().statusCode(200)
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("ir.kanoon.membership.member.admitted.v1"));
    }

    @Transactional
    void endTerm(UUID id, LocalDate termEnd) {
        em.createNativeQuery("UPDATE member SET term_end = :t WHERE id = :id")
                .setParameter("t", termEnd).setParameter("id", id).executeUpdate();
    }
}
