package org.neighborshare.request.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.neighborshare.request.agency.AgencyDirectory;
import org.neighborshare.shared.cluster.HeldByAnotherReplica;
import org.neighborshare.shared.problem.ProblemException;

/**
 * Ends the open requests of revoked agencies within seconds of the revocation. agency-service announces no
 * events, so request-service asks the directory, fresh, about every agency that still has open requests. A
 * suspended or expired agency's requests stay open (it may be reinstated or re-vetted) but cannot be published.
 * Idempotent, so several replicas may sweep at once.
 */
@ApplicationScoped
public class RevokedAgencySweep {

    private static final Logger LOG = Logger.getLogger(RevokedAgencySweep.class);

    @Inject
    RequestService requests;

    @Inject
    AgencyDirectory directory;

    private volatile boolean directoryFailing;

    @Scheduled(
            identity = "request-revoked-agency-sweep",
            skipExecutionIf = HeldByAnotherReplica.class,
            every = "${requests.revocation-check-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        for (UUID agencyId : requests.agenciesWithOpenRequests()) {
            AgencyDirectory.AgencyFacts agency;
            try {
                agency = directory.current(agencyId);
            } catch (ProblemException e) {
                if (e.status() == 404) {
                    continue; // not in the directory: nothing to learn about it
                }
                directoryDown(e);
                return;
            } catch (RuntimeException e) {
                directoryDown(e);
                return;
            }
            directoryFailing = false;
            if (agency.revoked()) {
                int ended = requests.endRequestsOfRevokedAgency(agencyId, agency.stateReason());
                if (ended > 0) {
                    LOG.infof("agency %s is revoked: ended its %d open requests", agencyId, ended);
                }
            }
        }
    }

    /** Retried at the next sweep; said once per outage, not every few seconds. */
    private void directoryDown(RuntimeException e) {
        if (!directoryFailing) {
            LOG.warnf("cannot check the agencies' standing, will retry: %s", e.getMessage());
            directoryFailing = true;
        }
    }
}
