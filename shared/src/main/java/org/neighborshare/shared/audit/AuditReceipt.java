package org.neighborshare.shared.audit;

import java.util.HexFormat;

/** Where a fact sits in its log: the entry's index and its leaf hash, what an owner keeps as proof. */
public record AuditReceipt(AuditEventType.LogName log, long index, byte[] leafHash) {

    public AuditReceipt {
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    public String leafHashHex() {
        return HexFormat.of().formatHex(leafHash);
    }
}
