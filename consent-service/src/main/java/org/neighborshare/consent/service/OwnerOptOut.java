package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The one rule that keeps {@code camera.owner_opted_out} (which the matching reads, {@link CameraMatch}) equal to
 * the owner's {@code owner_settings.opted_out}. Both paths first lock the owner's settings row, creating it if
 * need be, so an opt-out and a camera registered at the same time are serialised: whichever comes second sees the
 * other committed (READ COMMITTED takes each statement's snapshot after its lock wait), and no camera of an
 * opted-out owner is ever left opted in.
 */
@ApplicationScoped
public class OwnerOptOut {

    /**
     * Saves the owner's setting and copies it to every camera of theirs, in the caller's transaction. An upsert:
     * an owner's first settings, saved twice at once, are one row, not a unique-key failure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(String ownerId, boolean optedOut, Instant at) {
        Panache.getEntityManager()
                .createNativeQuery("""
                insert into owner_settings (owner_id, opted_out, updated_at) values (?1, ?2, ?3)
                on conflict (owner_id) do update set opted_out = excluded.opted_out, updated_at = excluded.updated_at
                """)
                .setParameter(1, ownerId)
                .setParameter(2, optedOut)
                .setParameter(3, at)
                .executeUpdate();
        Panache.getEntityManager()
                .createNativeQuery(
                        "update camera set owner_opted_out = ?2 where owner_id = ?1 and owner_opted_out <> ?2")
                .setParameter(1, ownerId)
                .setParameter(2, optedOut)
                .executeUpdate();
    }

    /**
     * The owner's opt-out for a camera being added in the caller's transaction, their settings row locked until it
     * commits. An owner without settings gets the default row (opted in), so that there is a row to lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean forNewCamera(String ownerId, Instant at) {
        return (Boolean) Panache.getEntityManager()
                .createNativeQuery("""
                insert into owner_settings (owner_id, opted_out, updated_at) values (?1, false, ?2)
                on conflict (owner_id) do update set opted_out = owner_settings.opted_out
                returning opted_out
                """)
                .setParameter(1, ownerId)
                .setParameter(2, at)
                .getSingleResult();
    }
}
