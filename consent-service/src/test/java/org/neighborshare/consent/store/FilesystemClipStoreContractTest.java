package org.neighborshare.consent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The clip store contract on a real folder. */
class FilesystemClipStoreContractTest extends ClipStoreContract {

    @TempDir
    Path dir;

    FilesystemClipStore store;

    @BeforeEach
    void open() {
        store = new FilesystemClipStore(dir.resolve("clips"), Clock.systemUTC());
    }

    @Override
    ClipStore store() {
        return store;
    }

    @Override
    Set<String> everythingStored() throws IOException {
        if (!Files.isDirectory(dir.resolve("clips"))) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir.resolve("clips"))) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
