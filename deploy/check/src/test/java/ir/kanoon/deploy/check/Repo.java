package ir.kanoon.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository as the deployment files must see it: the deployable modules (from the root pom), and what each
 * one's {@code application.properties} says in the {@code prod} profile (the packaged jar's profile).
 */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("kanoon.root", "../..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private Repo() {
    }

    /** A deployable module: a service with its own database, or the gateway. */
    record Module(String name, Properties props) {

        boolean isGateway() {
            return name.equals("gateway");
        }

        /** The value the packaged jar sees: {@code %prod.key} wins over {@code key}. */
        Optional<String> prod(String key) {
            String v = props.getProperty("%prod." + key);
            return Optional.ofNullable(v != null ? v : props.getProperty(key));
        }

        /** {@code ${ENV:default}} → default; a plain value as is; {@code ${ENV}} without default → empty. */
        static Optional<String> fallback(String value) {
            Matcher m = Pattern.compile("^\\$\\{[A-Za-z0-9_.]+(?::(.*))?}$").matcher(value);
            if (m.matches()) {
                return Optional.ofNullable(m.group(1));
            }
            return Optional.of(value);
        }

        /** The HTTP port: quarkus.http.port (its default when set from the environment), else Quarkus' 8080. */
        int port() {
            String raw = props.getProperty("quarkus.http.port");
            if (raw == null) {
                return 8080;
            }
            return Integer.parseInt(fallback(raw).orElseThrow(
                    () -> new AssertionError(name + ": quarkus.http.port has no default to compare with")));
        }

        /** Where /q/health is served in prod: the management interface when enabled, else the HTTP port. */
        int healthPort() {
            boolean management = prod("quarkus.management.enabled").map(Boolean::parseBoolean).orElse(false);
            if (!management) {
                return port();
            }
            return prod("quarkus.management.port").flatMap(Module::fallback).map(Integer::parseInt).orElse(9000);
        }

        /** The database name in the default (local stack) JDBC URL, e.g. {@code membership}. */
        String database() {
            String url = fallback(props.getProperty("quarkus.datasource.jdbc.url")).orElseThrow();
            return url.substring(url.lastIndexOf('/') + 1);
        }

        /** {@code kanoon.service}, e.g. {@code membership}; its events topic is {@code kanoon.<service>.events}. */
        String service() {
            return props.getProperty("kanoon.service");
        }

        String eventsTopic() {
            return "kanoon." + service() + ".events";
        }
    }

    /** Every module of the root pom that ships as an image: the services (kanoon.service set) and the gateway. */
    static List<Module> modules() {
        String pom = read(ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<Module> modules = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1).trim();
            Path props = ROOT.resolve(name).resolve("src/main/resources/application.properties");
            if (!Files.exists(props)) {
                continue;
            }
            Properties p = properties(props);
            if (p.getProperty("kanoon.service") != null || name.equals("gateway")) {
                modules.add(new Module(name, p));
            }
        }
        if (modules.size() < 2) {
            throw new AssertionError("found only " + modules + " in " + ROOT.resolve("pom.xml"));
        }
        return modules;
    }

    static List<Module> services() {
        return modules().stream().filter(m -> !m.isGateway()).toList();
    }

    static Module gateway() {
        return modules().stream().filter(Module::isGateway).findFirst().orElseThrow();
    }

    static Properties properties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The text of every Java source under {@code <module>/src/main/java}. */
    static List<String> javaSources(String module) {
        try (java.util.stream.Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Repo::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static JsonNode yaml(String relative) {
        List<JsonNode> docs = yamlDocuments(ROOT.resolve(relative));
        if (docs.size() != 1) {
            throw new AssertionError(relative + ": expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    /**
     * Every document of a (multi-document) YAML file, parsed by SnakeYAML as compose and kubectl do: anchors,
     * aliases and merge keys ({@code <<: *x}) resolved, which Jackson's YAML tree reader does not do.
     */
    static List<JsonNode> yamlDocuments(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<JsonNode> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(read(file))) {
            if (doc != null) {
                docs.add(JSON.valueToTree(doc));
            }
        }
        return docs;
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(ROOT.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(relative, e);
        }
    }
}
