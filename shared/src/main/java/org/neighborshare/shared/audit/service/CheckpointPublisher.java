package org.neighborshare.shared.audit.service;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.NoteKey;
import org.neighborshare.shared.audit.NoteSigner;
import org.neighborshare.shared.audit.config.AuditConfig;
import org.neighborshare.shared.audit.store.AuditStore;
import org.neighborshare.shared.audit.store.SigningKeys;

/**
 * Signs and stores a C2SP checkpoint of the log whenever it has grown, every {@code neighbors.audit.publish-every}
 * (at most 10 s). One replica at a time: the one that gets the publisher's advisory lock for its transaction.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "neighbors.audit.log", stringValue = "none", enableIfMissing = false)
public class CheckpointPublisher {

    private static final Logger LOG = Logger.getLogger(CheckpointPublisher.class);

    private final DataSource dataSource;
    private final AuditStore store = new AuditStore();
    private final LogName log;
    private final String origin;
    private final NoteSigner signer;

    CheckpointPublisher(DataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.log = OwnLog.of(config);
        this.origin = log.origin(config.logDomain());
        Optional<String> key = config.signingKey().filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            LOG.warnf(
                    "audit log %s: signing checkpoints with the LOCAL DEMO key; set neighbors.audit.signing-key",
                    log.path());
        }
        this.signer = SigningKeys.signer(origin, key.orElseGet(() -> SigningKeys.localDemoKey(log.path())));
    }

    public NoteKey verifierKey() {
        return signer.verifierKey();
    }

    public String origin() {
        return origin;
    }

    public LogName log() {
        return log;
    }

    @Scheduled(
            identity = "audit-checkpoint-publisher",
            every = "${neighbors.audit.publish-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        publishIfGrown();
    }

    /**
     * Publishes a checkpoint of the current tree if it is larger than the latest one (or there is none yet).
     *
     * @return the size published, or empty if nothing was (no growth, or another replica is publishing)
     */
    @Transactional
    public Optional<Long> publishIfGrown() {
        try (Connection c = dataSource.getConnection()) {
            if (!store.tryPublisherLock(c)) {
                return Optional.empty();
            }
            long size = store.size(c);
            Optional<AuditStore.StoredCheckpoint> latest = store.latestCheckpoint(c);
            if (latest.isPresent() && latest.get().size() >= size) {
                return Optional.empty();
            }
            byte[] root = store.root(c, size);
            byte[] note = Checkpoint.of(origin, size, root).sign(signer);
            store.saveCheckpoint(c, size, root, note);
            return Optional.of(size);
        } catch (SQLException e) {
            throw new IllegalStateException("could not publish a checkpoint of the " + log.path() + " log", e);
        }
    }
}
