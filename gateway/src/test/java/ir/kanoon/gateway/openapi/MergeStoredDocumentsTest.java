package ir.kanoon.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build-time merge (clients/typescript): stored documents + the gateway's routing table → one document. */
class MergeStoredDocumentsTest {

    @TempDir
    Path dir;

    private Path properties() throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, """
                kanoon.host=10.0.2.2
                kanoon.gateway.services.governance.url=http://127.0.0.1:8082
                kanoon.gateway.services.governance.resources=boards,provinces
                kanoon.gateway.services.workgroup.resources=meetings
                quarkus.oidc.auth-server-url=http://${kanoon.host}:8180/realms/kanoon
                """);
        return file;
    }

    @Test
    void mergesTheStoredDocumentsWithTheGatewaysRoutingTableAndIssuer() throws Exception {
        Files.writeString(dir.resolve("governance.json"), OpenApiMergerTest.service("boards", "decree").toString());
        Files.writeString(dir.resolve("workgroup.json"), OpenApiMergerTest.service("meetings", "minutes").toString());
        Path out = dir.resolve("out/merged.json");
        MergeStoredDocuments.main(new String[] {properties().toString(), out.toString(),
                "workgroup=" + dir.resolve("workgroup.json"), "governance=" + dir.resolve("governance.json")});
        JsonNode merged = OpenApiMergerTest.JSON.readTree(out.toFile());
        assertEquals("governance", merged.at("/paths/~1api~1v1~1boards~1{id}~1history/x-kanoon-service").asText());
        assertEquals("workgroup", merged.at("/paths/~1api~1v1~1meetings~1{id}~1history/x-kanoon-service").asText());
        // same precedence as the running gateway (name order) and the same renames
        assertEquals("workgroupHistoryGet", merged.at("/paths/~1api~1v1~1meetings~1{id}~1history/get/operationId").asText());
        assertEquals("http://10.0.2.2:8180/realms/kanoon/protocol/openid-connect/token",
                merged.at("/components/securitySchemes/keycloak/flows/clientCredentials/tokenUrl").asText());
    }

    @Test
    void aMissingStoredDocumentFailsTheBuild() throws Exception {
        Files.writeString(dir.resolve("governance.json"), OpenApiMergerTest.service("boards", "decree").toString());
        IllegalStateException missingFile = assertThrows(IllegalStateException.class, () -> MergeStoredDocuments.main(
                new String[] {properties().toString(), dir.resolve("m.json").toString(),
                        "governance=" + dir.resolve("governance.json"), "workgroup=" + dir.resolve("nope.json")}));
        assertTrue(missingFile.getMessage().contains("workgroup"), missingFile.getMessage());
        IllegalStateException notGiven = assertThrows(IllegalStateException.class, () -> MergeStoredDocuments.main(
                new String[] {properties().toString(), dir.resolve("m.json").toString(),
                        "governance=" + dir.resolve("governance.json")}));
        assertTrue(notGiven.getMessage().contains("[workgroup]"), notGiven.getMessage());
    }
}
