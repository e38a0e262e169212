package ir.kanoon.platform.consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.support.Events;
import ir.kanoon.platform.support.FlakyHandler;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** A consumer loop never dies silently: it restarts after a failure outside a record and says so in health. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumerSupervisionTest {

    private static final String CHECK = "event-consumer " + FlakyHandler.GROUP;
    private static final String DATA = "checks.find { it.name == '" + CHECK + "' }.data";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLoopThatFailedOutsideARecordIsRestartedAndProcessesLaterEvents() throws Exception {
        // FlakyHandler's loop failed at start-up (topics() threw); the old loop ended there for good
        CloudEvent later = Events.event(UUID.randomUUID().toString(), Map.of());
        Events.send(FlakyHandler.TOPIC, later);
        await().atMost(Duration.ofSeconds(60)).until(() -> Events.applied(dataSource, later.id()) == 1);
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItem(CHECK))
                .body("checks.find { it.name == '" + CHECK + "' }.status", equalTo("UP"))
                .body(DATA + ".running", equalTo(true))
                .body(DATA + ".restarts", greaterThanOrEqualTo(1))
                .body(DATA + ".lastError", containsString("topics() failed once"));
    }

    @Test
    void everyConsumerGroupIsInHealthWithItsLag() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health").then()
                .body("checks.name", hasItem("event-consumer " + ir.kanoon.platform.support.RecordingHandler.GROUP))
                .body("checks.find { it.name == 'event-consumer " + ir.kanoon.platform.support.RecordingHandler.GROUP
                        + "' }.data.lag", greaterThanOrEqualTo(0)));
    }
}
