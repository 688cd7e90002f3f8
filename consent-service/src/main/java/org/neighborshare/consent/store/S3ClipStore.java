package org.neighborshare.consent.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.neighborshare.consent.config.ConsentConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Clips as objects in an S3-compatible bucket, shared by every replica. An upload is read one part at a time
 * (at most {@code consent.clips.s3.part-size} in memory), hashed as it arrives, and sent as a multipart upload
 * that becomes visible only when it completes; on any failure, the size limit included, the upload is aborted,
 * so a reader never sees a partial clip and nothing is left behind. A clip smaller than one part is one PUT.
 */
public class S3ClipStore implements ClipStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3ClipStore.class);
    /** S3 refuses parts below 5 MiB, the last one excepted. */
    static final int MIN_PART = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final boolean createBucket;

    public S3ClipStore(S3Client s3, String bucket, int partSize, boolean createBucket) {
        if (partSize < MIN_PART) {
            throw new IllegalArgumentException("consent.clips.s3.part-size must be at least 5M, was " + partSize);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        this.createBucket = createBucket;
    }

    static S3ClipStore from(ConsentConfig.S3 config) {
        long part = config.partSize().asLongValue();
        if (part > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("consent.clips.s3.part-size must be at most 64M, was " + part);
        }
        return new S3ClipStore(client(config), config.bucket(), (int) part, config.createBucket());
    }

    /** A client with the JDK's HTTP connection (no Netty or Apache beside Quarkus's own). */
    public static S3Client client(ConsentConfig.S3 config) {
        AwsCredentialsProvider credentials = config.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.accessKeyId().get(),
                        config.secretAccessKey()
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "consent.clips.s3.secret-access-key is required with access-key-id"))))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(config.pathStyle())
                // Our own SHA-256 is the clip's integrity record; the SDK's extra checksums use aws-chunked
                // encodings that not every S3-compatible server speaks.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().filter(e -> !e.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public StoredClip write(InputStream in, long maxBytes) throws IOException {
        String key = UUID.randomUUID().toString();
        MessageDigest sha = Sha256.newDigest();
        byte[] part = new byte[partSize];
        int first = fill(in, part);
        long size = first;
        checkSize(size, maxBytes);
        sha.update(part, 0, first);
        try {
            if (first < partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) first), body(part, first));
                return new StoredClip(key, size, HexFormat.of().formatHex(sha.digest()));
            }
            String uploadId =
                    s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            boolean completed = false;
            try {
                List<CompletedPart> parts = new ArrayList<>();
                int number = 1;
                int n = first;
                while (n > 0) {
                    int partNumber = number++;
                    int length = n;
                    String etag = s3.uploadPart(
                                    b -> b.bucket(bucket)
                                            .key(key)
                                            .uploadId(uploadId)
                                            .partNumber(partNumber)
                                            .contentLength((long) length),
                                    body(part, length))
                            .eTag();
                    parts.add(CompletedPart.builder()
                            .partNumber(partNumber)
                            .eTag(etag)
                            .build());
                    n = fill(in, part);
                    size += n;
                    checkSize(size, maxBytes);
                    sha.update(part, 0, n);
                }
                s3.completeMultipartUpload(
                        b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
                completed = true;
                return new StoredClip(key, size, HexFormat.of().formatHex(sha.digest()));
            } finally {
                if (!completed) {
                    abortQuietly(key, uploadId);
                }
            }
        } catch (SdkException e) {
            throw new IOException("clip store: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        String checked = FilesystemClipStore.checkedKey(key);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(checked));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(checked);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(checked);
            }
            throw new IOException("clip store: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("clip store: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        String checked = FilesystemClipStore.checkedKey(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(checked));
        } catch (NoSuchKeyException e) {
            // already gone
        } catch (SdkException e) {
            throw new IOException("clip store: " + e.getMessage(), e);
        }
    }

    /** The bucket must be there (or is made when configured to): a wrong name fails start-up, not an upload. */
    void checkBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            if (!createBucket) {
                throw new IllegalStateException("clip store bucket " + bucket + " does not exist", e);
            }
            s3.createBucket(b -> b.bucket(bucket));
            LOG.infof("created clip store bucket %s", bucket);
        } catch (S3Exception e) {
            if (e.statusCode() != 404 || !createBucket) {
                throw new IllegalStateException("clip store bucket " + bucket + ": " + e.getMessage(), e);
            }
            s3.createBucket(b -> b.bucket(bucket));
            LOG.infof("created clip store bucket %s", bucket);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static void checkSize(long size, long maxBytes) throws ClipTooLargeException {
        if (size > maxBytes) {
            throw new ClipTooLargeException(maxBytes);
        }
    }

    /** Reads until {@code buffer} is full or the stream ends; the number of bytes read (0 at the end). */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int r = in.read(buffer, filled, buffer.length - filled);
            if (r == -1) {
                break;
            }
            filled += r;
        }
        return filled;
    }

    /** The part as a body the SDK can re-read on a retry, without a copy of the buffer. */
    private static RequestBody body(byte[] buffer, int length) {
        return RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream");
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.errorf("could not abort the multipart upload of %s (%s): %s", key, uploadId, e.getMessage());
        }
    }
}
