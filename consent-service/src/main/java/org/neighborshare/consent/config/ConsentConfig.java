package org.neighborshare.consent.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    /** Seed the local demo owners' cameras (launcher and end-to-end tests only). */
    @WithDefault("false")
    boolean demoData();

    Feed feed();

    Clips clips();

    Retention retention();

    interface Feed {
        /** Off in unit tests, which feed events in directly. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100")
        int batchSize();

        /**
         * How long one read of the feed may wait at request-service for the next event (a long poll; at most 25 s,
         * request-service's bound, and below {@code quarkus.rest-client.request-feed.read-timeout}). 0 turns long
         * polls off: the feed is then read every {@code consent.feed.poll-every}.
         */
        @WithDefault("20s")
        @WithName("wait")
        Duration waitFor();
    }

    interface Clips {
        /**
         * Which store keeps clip bytes: {@code filesystem} (one replica, the local run) or {@code s3} (any
         * S3-compatible object store, needed as soon as more than one replica runs).
         */
        @WithDefault("filesystem")
        StoreKind store();

        S3 s3();

        /** Where {@code FilesystemClipStore} keeps clip bytes (and its temporary upload files). */
        @WithDefault("target/clips")
        String directory();

        /** Largest clip accepted, enforced while the body streams in. */
        @WithDefault("500M")
        MemorySize maxSize();
    }

    enum StoreKind {
        FILESYSTEM,
        S3
    }

    /** The object store of {@code S3ClipStore}; only read when {@code consent.clips.store=s3}. */
    interface S3 {
        /** Endpoint of an S3-compatible server (MinIO, s3proxy, Ceph...); empty: AWS itself for the region. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("neighbor-share-clips")
        String bucket();

        /** Empty: the SDK's default credentials chain (environment, web identity of the pod's service account). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Path-style addressing ({@code endpoint/bucket/key}), what most S3-compatible servers expect. */
        @WithDefault("true")
        boolean pathStyle();

        /**
         * Bytes buffered per multipart part: the most of a clip held in memory at once (S3's minimum is 5 MiB
         * except for the last part).
         */
        @WithDefault("8M")
        MemorySize partSize();

        /** Create the bucket at start-up when it is missing (in-cluster dev store, tests). */
        @WithName("create-bucket")
        @WithDefault("false")
        boolean createBucket();
    }

    interface Retention {
        /**
         * How often the retention job looks for expired shares; {@code off} disables the schedule. Read by
         * {@code RetentionJob}'s {@code @Scheduled} expression, which sees this default through the config.
         */
        @WithDefault("60s")
        String checkEvery();

        /** Shares handled per batch (each in its own transaction). */
        @WithDefault("100")
        int batchSize();

        /**
         * How long a clip that no share needs is kept: after its upload if it was never shared, after the last
         * revocation if every share of it was revoked before any download.
         */
        @WithDefault("24h")
        Duration unsharedAfter();
    }
}
