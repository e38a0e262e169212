package ir.kanoon.clients.typescript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the build produced from the merged document (issue 12). No TypeScript compiler runs here (none is
 * installed in CI), so the test checks the client's shape: every operation of every service became a method.
 */
class GeneratedClientIT {

    static final Path MERGED = Path.of(System.getProperty("kanoon.merged", "target/openapi/kanoon-openapi.json"));
    static final Path CLIENT = Path.of(System.getProperty("kanoon.client", "target/generated-sources/typescript"));
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void mergedDocumentHasEveryServiceAndNoneMissing() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(MERGED.toFile());
        Set<String> services = new TreeSet<>();
        doc.path("paths").forEach(item -> services.add(item.path("x-kanoon-service").asText()));
        assertEquals(new TreeSet<>(List.of("governance", "ideabank", "membership", "networking", "workgroup")), services);
        assertTrue(doc.path("x-kanoon-unavailable-services").isMissingNode());
        assertEquals("oauth2", doc.at("/components/securitySchemes/keycloak/type").asText());
    }

    @Test
    void everyOperationIdIsAMethodOfTheGeneratedClient() throws IOException {
        for (String file : List.of("package.json", "tsconfig.json", "src/index.ts", "src/runtime.ts", "src/apis/index.ts",
                "src/models/index.ts")) {
            assertTrue(Files.isRegularFile(CLIENT.resolve(file)), file + " was not generated");
        }
        StringBuilder apis = new StringBuilder();
        try (Stream<Path> files = Files.list(CLIENT.resolve("src/apis"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ts")).toList()) {
                apis.append(Files.readString(file));
            }
        }
        JsonNode doc = new ObjectMapper().readTree(MERGED.toFile());
        List<String> ids = new ArrayList<>();
        doc.path("paths").forEach(item -> METHODS.forEach(method -> {
            String id = item.path(method).path("operationId").asText("");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }));
        assertTrue(ids.size() > 50, "only " + ids.size() + " operations in the merged document");
        List<String> missing = ids.stream().filter(id -> !apis.toString().contains("async " + id + "(")).toList();
        assertTrue(missing.isEmpty(), "operations without a client method: " + missing);
        assertFalse(apis.toString().contains("async undefined("));
    }
}
