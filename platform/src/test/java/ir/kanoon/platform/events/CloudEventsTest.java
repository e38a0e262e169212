package ir.kanoon.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventsTest {

    record Admitted(String memberId, String province, List<String> expertise) {
    }

    @Test
    void roundTripKeepsEveryAttribute() {
        CloudEvent e = CloudEvents.create("/kanoon/membership", "ir.kanoon.membership.member.admitted.v1",
                "m-1", "IR-07", new Admitted("m-1", "IR-07", List.of("کارآفرینی")));
        CloudEvent back = CloudEvents.fromJson(CloudEvents.toJson(e));
        assertEquals(e, back);
        assertEquals(new Admitted("m-1", "IR-07", List.of("کارآفرینی")), CloudEvents.data(back, Admitted.class));
    }

    @Test
    void structuredModeJsonHasTheConventionsFields() throws Exception {
        CloudEvent e = CloudEvents.create("/kanoon/membership", "ir.kanoon.membership.member.admitted.v1",
                "m-1", "IR-04", new Admitted("m-1", "IR-04", List.of()));
        JsonNode json = new ObjectMapper().readTree(CloudEvents.toJson(e));
        assertEquals("1.0", json.get("specversion").asText());
        assertEquals("/kanoon/membership", json.get("source").asText());
        assertEquals("m-1", json.get("subject").asText());
        assertEquals("IR-04", json.get("provincecode").asText());
        assertEquals("application/json", json.get("datacontenttype").asText());
        assertTrue(json.get("time").asText().endsWith("Z"), "time is ISO-8601 UTC");
        assertEquals('7', json.get("id").asText().charAt(14), "event ids are time-ordered UUIDv7");
        assertEquals("m-1", json.get("data").get("memberId").asText());
    }

    @Test
    void garbageAndWrongSpecVersionAreInvalidEvents() {
        assertThrows(CloudEvents.InvalidEventException.class, () -> CloudEvents.fromJson("not json"));
        assertThrows(CloudEvents.InvalidEventException.class,
                () -> CloudEvents.fromJson("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\"}"));
        assertThrows(CloudEvents.InvalidEventException.class, () -> CloudEvents.fromJson("{\"specversion\":\"1.0\"}"));
        assertThrows(CloudEvents.InvalidEventException.class, () -> CloudEvents.fromBytes(null));
    }
}
