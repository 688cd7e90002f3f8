package org.neighborshare.consent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClipStore} promises, run against each implementation on real storage (a folder; a real
 * S3-protocol server): bytes and SHA-256 come back as they went in, a failed or oversized upload leaves nothing,
 * keys are never paths, concurrent uploads do not mix, and a 200 MiB clip never sits in memory.
 */
abstract class ClipStoreContract {

    static final int MiB = 1024 * 1024;

    abstract ClipStore store();

    /** Everything the store holds or has half-written (files, objects, upload parts), by name. */
    abstract Set<String> everythingStored() throws IOException;

    @Test
    void bytesAndHashComeBackAsTheyWentIn() throws IOException {
        for (int size : new int[] {0, 1, 64 * 1024 + 7, 3 * MiB + 1, 21 * MiB}) {
            byte[] clip = random(size, size);
            StoredClip stored = store().write(new ByteArrayInputStream(clip), 100L * MiB);
            assertEquals(size, stored.size(), "size of a " + size + "-byte clip");
            assertEquals(sha256(clip), stored.sha256(), "hash of a " + size + "-byte clip");
            try (InputStream in = store().open(stored.key())) {
                assertArrayEquals(clip, in.readAllBytes(), "bytes of a " + size + "-byte clip");
            }
            store().delete(stored.key());
        }
    }

    @Test
    void aClipOverTheLimitIsRefusedAndLeavesNothing() throws IOException {
        Set<String> before = everythingStored();
        ClipTooLargeException e = assertThrows(
                ClipTooLargeException.class,
                () -> store().write(new ByteArrayInputStream(random(18 * MiB + 1, 2)), 18L * MiB));
        assertEquals(18L * MiB, e.limit());
        assertEquals(before, everythingStored(), "nothing kept of a refused clip");
        // exactly at the limit is fine
        StoredClip atLimit = store().write(new ByteArrayInputStream(random(18 * MiB, 3)), 18L * MiB);
        assertEquals(18L * MiB, atLimit.size());
        store().delete(atLimit.key());
        assertEquals(before, everythingStored());
    }

    @Test
    void anUploadThatBreaksOffLeavesNothing() throws IOException {
        Set<String> before = everythingStored();
        for (long breakAt : new long[] {100, 9L * MiB + 3, 17L * MiB}) {
            InputStream broken = new Generated(30L * MiB, 4) {
                @Override
                void reached(long position) throws IOException {
                    if (position >= breakAt) {
                        throw new IOException("client went away");
                    }
                }
            };
            IOException e = assertThrows(IOException.class, () -> store().write(broken, 100L * MiB));
            assertTrue(!(e instanceof ClipTooLargeException), e.toString());
            assertEquals(before, everythingStored(), "nothing kept of an upload broken at " + breakAt);
        }
    }

    @Test
    void aMissingClipIsNoSuchFileAndDeletingItTwiceIsFine() throws IOException {
        String ghost = UUID.randomUUID().toString();
        assertThrows(NoSuchFileException.class, () -> store().open(ghost));
        store().delete(ghost);
        StoredClip stored = store().write(new ByteArrayInputStream(random(1000, 5)), MiB);
        store().delete(stored.key());
        store().delete(stored.key());
        assertThrows(NoSuchFileException.class, () -> store().open(stored.key()));
    }

    @Test
    void aKeyIsNeverAPath() {
        for (String key : List.of("../../etc/passwd", "", "a/b", UUID.randomUUID() + "/../x", "ABC")) {
            assertThrows(IllegalArgumentException.class, () -> store().open(key), key);
            assertThrows(IllegalArgumentException.class, () -> store().delete(key), key);
        }
        assertThrows(IllegalArgumentException.class, () -> store().open(null));
    }

    @Test
    void tenConcurrentUploadsKeepTheirOwnBytes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int seed = 100 + i;
                results.add(pool.submit(() -> {
                    byte[] clip = random(6 * MiB + seed, seed);
                    StoredClip stored = store().write(new ByteArrayInputStream(clip), 100L * MiB);
                    assertEquals(sha256(clip), stored.sha256());
                    try (InputStream in = store().open(stored.key())) {
                        assertArrayEquals(clip, in.readAllBytes());
                    }
                    return stored.key();
                }));
            }
            Set<String> keys = new HashSet<>();
            for (Future<String> f : results) {
                keys.add(f.get());
            }
            assertEquals(10, keys.size(), "every upload got its own key");
            for (String key : keys) {
                store().delete(key);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * 200 MiB in and out with the live heap measured after a full GC every 16 MiB of the upload: the growth stays
     * under 50 MiB, so the clip is never held in memory.
     */
    @Test
    void a200MiBClipGoesThroughWithoutSittingInMemory() throws IOException {
        long size = 200L * MiB;
        String expected;
        try (InputStream in = new Generated(size, 7)) {
            expected = sha256(in);
        }
        long before = liveHeap();
        long[] peak = {before};
        InputStream upload = new Generated(size, 7) {
            long next = 16L * MiB;

            @Override
            void reached(long position) {
                if (position >= next) {
                    next += 16L * MiB;
                    peak[0] = Math.max(peak[0], liveHeap());
                }
            }
        };
        StoredClip stored = store().write(upload, 500L * MiB);
        assertEquals(size, stored.size());
        assertEquals(expected, stored.sha256());
        long growth = peak[0] - before;
        System.out.printf(
                "%s: 200 MiB clip, live heap before %d MiB, peak during upload %d MiB, growth %d MiB%n",
                getClass().getSimpleName(), before / MiB, peak[0] / MiB, growth / MiB);
        assertTrue(growth < 50L * MiB, "heap growth " + growth / MiB + " MiB");
        try (InputStream in = store().open(stored.key())) {
            assertEquals(expected, sha256(in), "the 200 MiB clip reads back intact");
        }
        store().delete(stored.key());
    }

    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest sha = Sha256.newDigest();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A long, reproducible byte stream that exists nowhere in memory as a whole. */
    static class Generated extends InputStream {
        private final long size;
        private final byte[] block = new byte[64 * 1024 + 13];
        private long position;

        Generated(long size, long seed) {
            this.size = size;
            new Random(seed).nextBytes(block);
        }

        void reached(long position) throws IOException {}

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            reached(position);
            int offset = (int) (position % block.length);
            int n = (int) Math.min(Math.min(len, block.length - offset), size - position);
            System.arraycopy(block, offset, b, off, n);
            position += n;
            return n;
        }
    }
}
