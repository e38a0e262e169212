package ir.kanoon.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationIdsTest {

    @Test
    void idIsTheResourceNounAndTheMethod() {
        assertEquals("applicationGet", OperationIds.of("ApplicationResource", "get"));
        assertEquals("memberHistory", OperationIds.of("MemberResource", "history"));
        assertEquals("provinceList", OperationIds.of("ProvinceResource", "list"));
        assertEquals("boardSeatsList", OperationIds.of("Outer$BoardSeatsResource", "list"));
        assertEquals("resourceGet", OperationIds.of("Resource", "get"));
        assertEquals("asyncApiDocument", OperationIds.of("AsyncApiResource", "document"));
    }

    @Test
    void aDocumentWithARepeatedOperationIdIsRefused_namingBothOperations() {
        OpenAPI doc = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/boards/{id}", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().operationId("historyGet")))
                .addPathItem("/api/v1/meetings/{id}", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().operationId("historyGet"))));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new ApiDocumentFilter().filterOpenAPI(doc));
        assertTrue(refused.getMessage().contains("'historyGet' (GET /api/v1/boards/{id}, GET /api/v1/meetings/{id})"),
                refused.getMessage());
    }
}
