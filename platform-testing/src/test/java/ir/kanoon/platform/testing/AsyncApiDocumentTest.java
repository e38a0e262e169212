package ir.kanoon.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assertion services run against what they really emitted must be able to fail. */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode event(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void documentedEventsWithTheirShapePass() throws Exception {
        AsyncApiDocument doc = AsyncApiDocument.load();
        assertEquals(Set.of("ir.kanoon.test.note.added.v1", "ir.kanoon.test.note.removed.v1"), doc.documentedTypes());
        assertDoesNotThrow(() -> doc.assertDocuments(List.of(event(
                "{\"id\":\"1\",\"type\":\"ir.kanoon.test.note.added.v1\",\"subject\":\"n\",\"extra\":1,"
                        + "\"data\":{\"noteId\":\"n\",\"text\":null}}"))));
    }

    @Test
    void anUndocumentedTypeFails() throws Exception {
        AssertionError e = assertThrows(AssertionError.class, () -> AsyncApiDocument.load().assertDocuments(List.of(
                event("{\"id\":\"1\",\"type\":\"ir.kanoon.test.note.edited.v1\",\"subject\":\"n\",\"data\":{}}"))));
        assertTrue(e.getMessage().contains("ir.kanoon.test.note.edited.v1"), e.getMessage());
    }

    @Test
    void anUndocumentedDataFieldOrAMissingRequiredOneFails() throws Exception {
        AssertionError extra = assertThrows(AssertionError.class, () -> AsyncApiDocument.load().assertDocuments(List.of(
                event("{\"id\":\"1\",\"type\":\"ir.kanoon.test.note.added.v1\",\"subject\":\"n\","
                        + "\"data\":{\"noteId\":\"n\",\"nationalId\":\"0010350829\"}}"))));
        assertTrue(extra.getMessage().contains("data.nationalId"), extra.getMessage());
        AssertionError missing = assertThrows(AssertionError.class, () -> AsyncApiDocument.load().assertDocuments(List.of(
                event("{\"id\":\"1\",\"type\":\"ir.kanoon.test.note.added.v1\",\"data\":{}}"))));
        assertTrue(missing.getMessage().contains("subject") && missing.getMessage().contains("data.noteId"),
                missing.getMessage());
    }

    @Test
    void aDocumentedTypeNeverEmittedFails_andNothingReadFails() throws Exception {
        AssertionError e = assertThrows(AssertionError.class, () -> AsyncApiDocument.load().assertEveryTypeWasEmitted(
                List.of(event("{\"type\":\"ir.kanoon.test.note.added.v1\"}"))));
        assertTrue(e.getMessage().contains("ir.kanoon.test.note.removed.v1"), e.getMessage());
        assertThrows(AssertionError.class, () -> AsyncApiDocument.load().assertDocuments(List.of()));
    }
}
