package org.neighborshare.shared.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.neighborshare.shared.audit.config.AuditConfig;

/**
 * How a person appears in a public log without being named (docs/invariants.md, I2). The one place that turns
 * an owner, a reviewer, a member or a downloader into a public value:
 *
 * <ul>
 *   <li>a reviewer: {@code "reviewer-"} + the first 16 hex digits of HMAC(secret, "reviewer:" + subject): stable
 *       for one reviewer across every log, opaque to anyone without the secret;
 *   <li>an owner: HMAC(secret, "owner:" + owner id + "|" + scope), the scope being the request id (or the clip's
 *       SHA-256 where there is no request): one owner's entries for one request can be linked, entries across
 *       requests cannot;
 *   <li>a member or a downloader: SHA-256(salt || subject) with a fresh random salt that the platform keeps and
 *       shows only to those who may open it (the agency's admins; for downloads also the owner).
 * </ul>
 */
@ApplicationScoped
public class Commitments {

    /** Length of a salt, in bytes. */
    public static final int SALT_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    @Inject
    public Commitments(AuditConfig config) {
        this(config.commitmentSecret());
    }

    /** With the HMAC key {@code neighbors.audit.commitment-secret}. */
    public Commitments(String secret) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("neighbors.audit.commitment-secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The stable public id of a platform reviewer (or of the platform's own jobs, for a fixed name). */
    public String reviewer(String subject) {
        return "reviewer-" + hmac("reviewer:" + subject).substring(0, 16);
    }

    /** The owner's commitment within one request (or one clip, named by its hash, outside any request). */
    public String owner(String ownerId, String scope) {
        return hmac("owner:" + ownerId + "|" + scope);
    }

    /** A fresh salt for {@link #salted}, hex. */
    public static String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    /** SHA-256(salt || subject), hex: whoever holds the salt and knows the subject can open it. */
    public static String salted(String saltHex, String subject) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HEX.parseHex(saltHex));
            sha.update(subject.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
