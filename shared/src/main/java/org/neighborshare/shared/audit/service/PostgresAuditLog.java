package org.neighborshare.shared.audit.service;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.AuditLog;
import org.neighborshare.shared.audit.AuditReceipt;
import org.neighborshare.shared.audit.config.AuditConfig;
import org.neighborshare.shared.audit.store.AuditStore;

/**
 * The service's {@link AuditLog}: its PostgreSQL log, appended in the caller's transaction (MANDATORY: a fact
 * outside a decision's transaction would be in the log whether or not the decision commits).
 */
@ApplicationScoped
@UnlessBuildProperty(name = "neighbors.audit.log", stringValue = "none", enableIfMissing = false)
public class PostgresAuditLog implements AuditLog {

    private final DataSource dataSource;
    private final AuditStore store = new AuditStore();
    private final LogName log;

    PostgresAuditLog(DataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.log = OwnLog.of(config);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditReceipt append(AuditFact fact) {
        if (fact.type().log() != log) {
            throw new IllegalArgumentException(fact.type().wireName() + " belongs in the "
                    + fact.type().log().path() + " log, not in " + log.path());
        }
        // In a JTA transaction Agroal hands out the transaction's own connection: the caller's transaction.
        try (Connection c = dataSource.getConnection()) {
            AuditStore.Appended appended = store.append(c, fact.toEntry());
            return new AuditReceipt(log, appended.index(), appended.leafHash());
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the " + log.path() + " log", e);
        }
    }

    public LogName log() {
        return log;
    }
}
