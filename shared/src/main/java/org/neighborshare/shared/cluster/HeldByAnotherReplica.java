package org.neighborshare.shared.cluster;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The one rule for periodic jobs with several replicas: {@code @Scheduled(identity = "<job>", skipExecutionIf =
 * HeldByAnotherReplica.class)} runs the job only on the replica holding its lock ({@link JobLocks}), so it runs
 * once per period across replicas however many there are. The scheduler evaluates this on a worker thread, just
 * before the job would run.
 */
@Singleton
public class HeldByAnotherReplica implements Scheduled.SkipPredicate {

    @Inject
    JobLocks locks;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !locks.holds(execution.getTrigger().getId());
    }
}
