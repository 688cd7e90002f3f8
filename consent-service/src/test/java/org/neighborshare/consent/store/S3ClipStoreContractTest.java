package org.neighborshare.consent.store;

import io.quarkus.runtime.configuration.MemorySize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.neighborshare.consent.config.ConsentConfig;
import org.neighborshare.testsupport.S3ProxyServer;

/**
 * The same clip store contract against a real S3-protocol server (s3proxy 2.6.0 in its own process, signature
 * checks on, storing into a folder this test inspects for leftovers such as unaborted upload parts).
 */
class S3ClipStoreContractTest extends ClipStoreContract {

    static Path data;
    static S3ProxyServer server;
    static S3ClipStore store;

    @BeforeAll
    static void startServer() throws IOException {
        data = Path.of("target", "s3proxy-data", UUID.randomUUID().toString());
        server = S3ProxyServer.start(S3ProxyServer.defaultJar(), data, 0);
        store = S3ClipStore.from(config(server.endpoint()));
        store.checkBucket();
    }

    @AfterAll
    static void stopServer() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    ClipStore store() {
        return store;
    }

    @Override
    Set<String> everythingStored() throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            return files.filter(Files::isRegularFile)
                    .map(p -> data.relativize(p).toString())
                    .collect(Collectors.toSet());
        }
    }

    static ConsentConfig.S3 config(String endpoint) {
        return new ConsentConfig.S3() {
            @Override
            public Optional<String> endpoint() {
                return Optional.of(endpoint);
            }

            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public String bucket() {
                return "clips-contract";
            }

            @Override
            public Optional<String> accessKeyId() {
                return Optional.of(S3ProxyServer.ACCESS_KEY);
            }

            @Override
            public Optional<String> secretAccessKey() {
                return Optional.of(S3ProxyServer.SECRET_KEY);
            }

            @Override
            public boolean pathStyle() {
                return true;
            }

            @Override
            public MemorySize partSize() {
                return new MemorySize(java.math.BigInteger.valueOf(8L * MiB));
            }

            @Override
            public boolean createBucket() {
                return true;
            }
        };
    }
}
