package ir.kanoon.deploy.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlFilesTest {

    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repo.ROOT.resolve("deploy"))) {
            files = walk.filter(p -> !p.toString().contains("/.work/") && !p.toString().contains("/target/"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        }
        for (Path f : files) {
            try {
                assertTrue(!Repo.yamlDocuments(f).isEmpty(), "empty");
            } catch (RuntimeException | AssertionError e) {
                broken.add(Repo.ROOT.relativize(f) + ": " + e.getMessage());
            }
        }
        assertTrue(files.size() >= 10, "expected compose and k8s files, found " + files);
        assertEquals(List.of(), broken);
    }

    @Test
    void theTopicScannerFindsEveryEventHandlerOfTheServices() {
        // Guards the scanner itself: if it silently found nothing, the topic checks would pass vacuously.
        List<Topics.Handler> handlers = Topics.handlers();
        assertTrue(handlers.size() >= 8, "handlers found: " + handlers);
        for (Topics.Handler h : handlers) {
            assertTrue(h.group().matches("[a-z]+\\.[a-z-]+"), h.toString());
            h.topics().forEach(t -> assertTrue(t.matches("kanoon\\.[a-z]+\\.events"), h.toString()));
        }
    }
}
