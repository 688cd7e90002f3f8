package org.neighborshare.request;

import io.quarkus.arc.Arc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditLog;
import org.neighborshare.testsupport.RecordingAuditLog;

/** The service's public log as the tests read it: every committed fact, in order. */
public class TestAuditLog {

    public static final RecordingAuditLog LOG = new RecordingAuditLog(
            AuditEventType.LogName.REQUEST,
            () -> Arc.container()
                    .instance(TransactionSynchronizationRegistry.class)
                    .get());

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    AuditLog auditLog() {
        return LOG;
    }
}
