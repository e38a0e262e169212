package ir.kanoon.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's merge, run at build time over the documents the services stored
 * ({@code quarkus.smallrye-openapi.store-schema-directory}, see the root pom), so the merged document — and
 * a client generated from it ({@code clients/typescript}) — exists without a running stack (issue 12).
 * Same merge as {@code GET /q/openapi} ({@link OpenApiMerger}, services in name order, the
 * {@link KeycloakScheme}), with the routing table read from the gateway's {@code application.properties}.
 *
 * <pre>java ... MergeStoredDocuments gateway/src/main/resources/application.properties out.json \
 *     membership=membership-service/target/openapi/openapi.json governance=...</pre>
 *
 * Fails (exception, so the build fails) when a document is missing or a configured service has none.
 */
public final class MergeStoredDocuments {

    private static final Pattern SERVICE_RESOURCES = Pattern.compile("kanoon\\.gateway\\.services\\.([a-z0-9-]+)\\.resources");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private MergeStoredDocuments() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: MergeStoredDocuments <gateway application.properties> <out.json> <service>=<openapi.json>...");
        }
        Properties gateway = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            gateway.load(in);
        }
        Map<String, Path> stored = new TreeMap<>(); // name order, like OpenApiRoute
        for (String arg : Arrays.asList(args).subList(2, args.length)) {
            String[] pair = arg.split("=", 2);
            stored.put(pair[0], Path.of(pair[1]));
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode merged = merge(json, gateway, stored);
        Path out = Path.of(args[1]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        json.writeValue(out.toFile(), merged);
        System.out.println("[kanoon] merged OpenAPI of " + stored.keySet() + " (" + merged.path("paths").size()
                + " paths) -> " + out);
    }

    static ObjectNode merge(ObjectMapper json, Properties gateway, Map<String, Path> stored) throws IOException {
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        for (String key : gateway.stringPropertyNames()) {
            Matcher matcher = SERVICE_RESOURCES.matcher(key);
            if (matcher.matches()) {
                Set<String> resources = new HashSet<>();
                for (String resource : gateway.getProperty(key).split(",")) {
                    resources.add(resource.trim());
                }
                owned.put(matcher.group(1), resources);
            }
        }
        List<String> missing = new ArrayList<>(owned.keySet());
        missing.removeAll(stored.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no stored OpenAPI document given for the gateway's services " + missing);
        }
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : stored.entrySet()) {
            if (!Files.isRegularFile(entry.getValue())) {
                throw new IllegalStateException(entry.getKey() + ": " + entry.getValue() + " does not exist; build the service"
                        + " first (quarkus.smallrye-openapi.store-schema-directory writes it at package)");
            }
            documents.put(entry.getKey(), json.readTree(entry.getValue().toFile()));
        }
        ObjectNode merged = new OpenApiMerger(json).merge(documents, owned, List.of(),
                documents.values().iterator().next().path("info").path("version").asText("1"));
        KeycloakScheme.addTo(merged, resolve(gateway, gateway.getProperty("quarkus.oidc.auth-server-url", "")));
        return merged;
    }

    /** {@code ${name}} / {@code ${name:default}} from the same file (e.g. the issuer's {@code ${kanoon.host}}). */
    static String resolve(Properties properties, String value) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.getProperty(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }
}
