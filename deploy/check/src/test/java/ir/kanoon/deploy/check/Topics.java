package ir.kanoon.deploy.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kafka topics the code uses, read from the sources (this module depends on no service): each service's
 * events topic ({@code kanoon.<kanoon.service>.events}, the outbox's topic), and for every {@code EventHandler}
 * the dead-letter topic {@code <topic>.<consumer group>.dlt} of each topic it reads (platform
 * {@code EventConsumers.deadLetterTopic}). With {@code auto.create.topics.enable=false} a missing dead-letter
 * topic would stall its partition (dead-lettering is retried until it succeeds), hence the check.
 */
final class Topics {

    /** One handler: its consumer group and the topics it reads. */
    record Handler(String source, String group, List<String> topics) {
    }

    private static final Pattern HANDLER_CLASS = Pattern.compile("class\\s+(\\w+)\\s+implements\\s+EventHandler\\b");
    private static final Pattern GROUP = Pattern.compile("String\\s+consumerGroup\\(\\)\\s*\\{\\s*return\\s+([^;]+);");
    private static final Pattern TOPICS = Pattern.compile("topics\\(\\)\\s*\\{\\s*return\\s+(?:java\\.util\\.)?Set\\.of\\(([^)]*)\\);");

    private Topics() {
    }

    static TreeSet<String> eventTopics() {
        TreeSet<String> topics = new TreeSet<>();
        Repo.services().forEach(s -> topics.add(s.eventsTopic()));
        return topics;
    }

    static TreeSet<String> deadLetterTopics() {
        TreeSet<String> topics = new TreeSet<>();
        for (Handler h : handlers()) {
            h.topics().forEach(t -> topics.add(t + "." + h.group() + ".dlt"));
        }
        return topics;
    }

    static TreeSet<String> all() {
        TreeSet<String> all = new TreeSet<>(eventTopics());
        all.addAll(deadLetterTopics());
        return all;
    }

    /** Every EventHandler of every service; a class split into several handlers (nested) counts each. */
    static List<Handler> handlers() {
        List<Handler> handlers = new ArrayList<>();
        for (Repo.Module service : Repo.services()) {
            Path src = Repo.ROOT.resolve(service.name()).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Repo.read(file);
                    Matcher classes = HANDLER_CLASS.matcher(text);
                    List<Integer> starts = new ArrayList<>();
                    while (classes.find()) {
                        starts.add(classes.start());
                    }
                    for (int i = 0; i < starts.size(); i++) {
                        int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
                        String body = text.substring(starts.get(i), end);
                        handlers.add(handler(file, text, body));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return handlers;
    }

    private static Handler handler(Path file, String text, String body) {
        String where = Repo.ROOT.relativize(file).toString();
        Matcher g = GROUP.matcher(body);
        Matcher t = TOPICS.matcher(body);
        if (!g.find() || !t.find()) {
            throw new AssertionError(where + ": cannot read consumerGroup()/topics() of an EventHandler; "
                    + "deploy/check reads them from the source (Topics.java) — teach it the new form");
        }
        String group = resolve(file, text, g.group(1).trim());
        List<String> topics = new ArrayList<>();
        for (String arg : t.group(1).split(",")) {
            topics.add(resolve(file, text, arg.trim()));
        }
        return new Handler(where, group, topics);
    }

    /** A string literal, a constant of this file, or {@code Other.CONSTANT} of a class in the same module. */
    private static String resolve(Path file, String text, String expr) {
        if (expr.startsWith("\"")) {
            return expr.substring(1, expr.length() - 1);
        }
        int dot = expr.lastIndexOf('.');
        if (dot < 0) {
            return constant(text, expr).orElseThrow(() -> new AssertionError(file + ": no constant " + expr));
        }
        String cls = expr.substring(0, dot);
        String name = expr.substring(dot + 1);
        Path moduleSrc = file;
        while (!moduleSrc.getFileName().toString().equals("java")) {
            moduleSrc = moduleSrc.getParent();
        }
        try (Stream<Path> files = Files.walk(moduleSrc)) {
            Path other = files.filter(f -> f.getFileName().toString().equals(cls.substring(cls.lastIndexOf('.') + 1) + ".java"))
                    .findFirst().orElseThrow(() -> new AssertionError(file + ": cannot find class " + cls));
            return constant(Repo.read(other), name).orElseThrow(() -> new AssertionError(other + ": no constant " + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> constant(String text, String name) {
        Matcher m = Pattern.compile("String\\s+" + Pattern.quote(name) + "\\s*=\\s*\"([^\"]+)\"").matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
