package ir.kanoon.ideabank.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import ir.kanoon.ideabank.idea.CriteriaConfig;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Attachments as files under {@code kanoon.ideabank.attachments.directory}, written atomically (temp file + move). */
@ApplicationScoped
public class LocalDirectoryStorage implements AttachmentStorage {

    @Inject
    CriteriaConfig config;

    private Path path(String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a storage key");
        }
        return config.attachments().directory().resolve(key.substring(0, 2)).resolve(key);
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), key, ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }
}
