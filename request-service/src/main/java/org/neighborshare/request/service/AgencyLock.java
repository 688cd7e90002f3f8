package org.neighborshare.request.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Serialises the creates of one agency, across threads and replicas: the per-case and daily limits count the
 * stored requests and then insert one, and two creates that counted at the same time would both find room
 * (docs/invariants.md). A PostgreSQL advisory lock held until the transaction ends; other agencies never wait.
 */
@ApplicationScoped
public class AgencyLock {

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire(UUID agencyId) {
        // pg_advisory_xact_lock returns void, which JDBC cannot map; count the one row instead.
        Panache.getEntityManager()
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) as locked")
                .setParameter(1, key(agencyId))
                .getSingleResult();
    }

    /** Two agencies whose keys collide only wait for each other; they never share a count. */
    static long key(UUID agencyId) {
        return agencyId.getMostSignificantBits() ^ agencyId.getLeastSignificantBits();
    }
}
