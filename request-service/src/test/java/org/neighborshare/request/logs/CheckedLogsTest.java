package org.neighborshare.request.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.testsupport.PostgresResource;

/** A crowd of transparency readers costs one read of the logs, and a failed read is not kept. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CheckedLogsTest {

    @Inject
    CheckedLogs checkedLogs;

    @Inject
    @CacheName("checked-public-logs")
    Cache cache;

    /** Counts its reads; fails the first {@code failures} of them. */
    static final class CountingLogs extends PublicLogs {
        final AtomicInteger reads = new AtomicInteger();
        final int failures;

        CountingLogs(int failures) {
            this.failures = failures;
        }

        @Override
        public synchronized Map<LogName, LogCopy> read() {
            if (reads.incrementAndGet() <= failures) {
                throw new IllegalStateException("the agency log serves no entry 0");
            }
            Map<LogName, LogCopy> logs = new EnumMap<>(LogName.class);
            for (LogName log : LogName.values()) {
                logs.put(log, new LogCopy(log, "note", 0, new byte[32], List.of()));
            }
            return logs;
        }
    }

    @BeforeEach
    void forget() {
        cache.invalidateAll().await().indefinitely();
    }

    @Test
    void twelveConcurrentReadersShareOneReadOfTheLogs() throws Exception {
        CountingLogs logs = new CountingLogs(0);
        QuarkusMock.installMockForType(logs, PublicLogs.class);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CheckedLogs.Checked>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return checkedLogs.latest();
                }));
            }
            start.countDown();
            CheckedLogs.Checked first = answers.get(0).get();
            for (Future<CheckedLogs.Checked> answer : answers) {
                assertSame(first, answer.get());
            }
            assertEquals(1, logs.reads.get());
            assertEquals(List.of(), first.promises().findings());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedReadIsNotKeptTheNextReaderTriesAgain() {
        CountingLogs logs = new CountingLogs(1);
        QuarkusMock.installMockForType(logs, PublicLogs.class);
        assertThrows(IllegalStateException.class, checkedLogs::latest);
        assertEquals(3, checkedLogs.latest().logs().size());
        assertEquals(2, logs.reads.get());
    }
}
