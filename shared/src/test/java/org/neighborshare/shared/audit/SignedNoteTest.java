package org.neighborshare.shared.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpoints as C2SP signed notes: round trips, known answers, and every refusal. */
class SignedNoteTest {

    /**
     * The example of golang.org/x/mod/sumdb/note (its package documentation and note_test.go): the key id
     * c74f20a3 is what SHA-256(name || 0x0A || 0x01 || key) gives, and Ed25519 being deterministic, the signature
     * is byte for byte the published one.
     */
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    private static final String GO_SKEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT
            + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static final String ORIGIN = "neighborshare.example/consent-service";
    private static final KeyPair PAIR = keyPair();
    private static final NoteSigner SIGNER = NoteSigner.of(seedOf(PAIR), NoteKey.of(ORIGIN, PAIR.getPublic()));
    private static final NoteVerifier VERIFIER = new NoteVerifier(SIGNER.verifierKey());
    private static final Checkpoint CHECKPOINT =
            Checkpoint.of(ORIGIN, 42, MerkleTree.leafHash("root".getBytes(StandardCharsets.UTF_8)));

    @Test
    void keyIdKnownAnswer() {
        NoteKey key = NoteKey.parse(GO_VKEY);
        byte[] raw =
                Arrays.copyOfRange(Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"), 1, 33);
        assertEquals(0xc74f20a3, NoteKey.keyId("PeterNeumann", raw));
        assertEquals(0xc74f20a3, key.keyId());
        assertEquals(GO_VKEY, key.toVkey());
        assertEquals(GO_VKEY, NoteKey.of("PeterNeumann", key.publicKey()).toVkey());
    }

    @Test
    void signatureKnownAnswer() {
        NoteKey key = NoteKey.parse(GO_VKEY);
        NoteSigner signer = NoteSigner.parse(GO_SKEY, key);
        assertEquals(GO_NOTE, new String(SignedNote.sign(GO_TEXT, signer), StandardCharsets.UTF_8));
        assertEquals(GO_TEXT, new NoteVerifier(key).verify(GO_NOTE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checkpointRoundTrips() {
        String text = CHECKPOINT.toText();
        assertEquals(ORIGIN + "\n42\n" + Base64.getEncoder().encodeToString(CHECKPOINT.rootHash()) + "\n", text);
        byte[] note = CHECKPOINT.sign(SIGNER);
        String written = new String(note, StandardCharsets.UTF_8);
        assertTrue(written.startsWith(text + "\n\u2014 " + ORIGIN + " "), written);
        assertTrue(written.endsWith("\n"));
        assertEquals(CHECKPOINT, Checkpoint.open(note, VERIFIER, ORIGIN));
        assertEquals(CHECKPOINT, Checkpoint.parse(text));
        Checkpoint extended = Checkpoint.of(ORIGIN, 0, MerkleTree.emptyRoot(), List.of("Timestamp: 1"));
        assertEquals(extended, Checkpoint.open(extended.sign(SIGNER), VERIFIER, ORIGIN));
        // The vkey a deployment publishes configures a verifier that accepts the same note.
        assertEquals(
                CHECKPOINT,
                Checkpoint.open(note, NoteVerifier.of(SIGNER.verifierKey().toVkey()), ORIGIN));
    }

    @Test
    void aChangedByteAnywhereIsRefused() {
        byte[] note = CHECKPOINT.sign(SIGNER);
        for (int i = 0; i < note.length; i++) {
            for (int delta : new int[] {1, 0x20, 0x80}) {
                byte[] changed = note.clone();
                changed[i] ^= (byte) delta;
                int at = i;
                assertThrows(
                        InvalidNoteException.class, () -> Checkpoint.open(changed, VERIFIER, ORIGIN), "byte " + at);
            }
        }
    }

    @Test
    void aWrongKeyNameIsRefused() {
        NoteSigner sameKeyOtherName = NoteSigner.of(
                seedOf(PAIR),
                NoteKey.of("neighborshare.example/other", SIGNER.verifierKey().rawPublicKey()));
        byte[] note = CHECKPOINT.sign(sameKeyOtherName);
        InvalidNoteException refused =
                assertThrows(InvalidNoteException.class, () -> Checkpoint.open(note, VERIFIER, ORIGIN));
        assertTrue(refused.getMessage().contains("no signature by"), refused.getMessage());
        // The key name in the signature line is bound by the key id: renaming the line does not help.
        String renamed = new String(note, StandardCharsets.UTF_8).replace("neighborshare.example/other ", ORIGIN + " ");
        assertThrows(
                InvalidNoteException.class,
                () -> Checkpoint.open(renamed.getBytes(StandardCharsets.UTF_8), VERIFIER, ORIGIN));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        NoteSigner impostor = NoteSigner.generate(ORIGIN);
        byte[] note = CHECKPOINT.sign(impostor);
        InvalidNoteException refused =
                assertThrows(InvalidNoteException.class, () -> Checkpoint.open(note, VERIFIER, ORIGIN));
        assertTrue(refused.getMessage().contains("another key"), refused.getMessage());
        // Another key's signature under our key id does not verify either.
        String forged = new String(note, StandardCharsets.UTF_8);
        String line = forged.substring(forged.indexOf('\u2014'));
        byte[] blob = Base64.getDecoder()
                .decode(line.substring(line.lastIndexOf(' ') + 1).trim());
        int id = SIGNER.verifierKey().keyId();
        blob[0] = (byte) (id >>> 24);
        blob[1] = (byte) (id >>> 16);
        blob[2] = (byte) (id >>> 8);
        blob[3] = (byte) id;
        String withOurId = forged.substring(0, forged.indexOf('\u2014')) + "\u2014 " + ORIGIN + " "
                + Base64.getEncoder().encodeToString(blob) + "\n";
        InvalidNoteException bad = assertThrows(
                InvalidNoteException.class,
                () -> Checkpoint.open(withOurId.getBytes(StandardCharsets.UTF_8), VERIFIER, ORIGIN));
        assertTrue(bad.getMessage().contains("does not verify"), bad.getMessage());
    }

    @Test
    void unknownSignaturesAreIgnoredButOursIsNeeded() {
        NoteSigner witness = NoteSigner.generate("witness.example");
        byte[] both = SignedNote.sign(CHECKPOINT.toText(), witness, SIGNER);
        assertEquals(CHECKPOINT, Checkpoint.open(both, VERIFIER, ORIGIN));
        assertEquals(2, SignedNote.parse(both).signatures().size());
    }

    @Test
    void anotherLogsCheckpointIsRefused() {
        NoteSigner other = NoteSigner.generate("neighborshare.example/request-service");
        byte[] note = Checkpoint.of("neighborshare.example/request-service", 1, MerkleTree.emptyRoot())
                .sign(other);
        assertThrows(InvalidNoteException.class, () -> Checkpoint.open(note, VERIFIER, ORIGIN));
        byte[] ours = Checkpoint.of("neighborshare.example/request-service", 1, MerkleTree.emptyRoot())
                .sign(SIGNER);
        assertThrows(InvalidNoteException.class, () -> Checkpoint.open(ours, VERIFIER, ORIGIN));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "\n",
                "no blank line\n\u2014 name AAAAAAA=\n",
                "text\n\n",
                "text\n\n\u2014 name AAAAAAA=",
                "text\n\n- name AAAAAAA=\n",
                "text\n\n\u2014name AAAAAAA=\n",
                "text\n\n\u2014 name\n",
                "text\n\n\u2014 name AAAA\n",
                "text\n\n\u2014 name AAAAAAA\n",
                "text\n\n\u2014 name AAAAAAA=x\n",
                "text\n\n\u2014 na+me AAAAAAA=\n",
                "text\n\n\u2014  AAAAAAA=\n",
                "text\n\n\u2014 name AAAAAAA=\n\n",
                "text\n\n\u2014 name AAAAAAA=\n\u2014 name\n",
                "te\txt\n\n\u2014 name AAAAAAA=\n",
                "te\rxt\n\n\u2014 name AAAAAAA=\n",
            })
    void malformedNotesAreRefused(String note) {
        assertThrows(InvalidNoteException.class, () -> SignedNote.parse(note.getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidNoteException.class, () -> VERIFIER.verify(note.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidUtf8AndTooManySignaturesAreRefused() {
        byte[] note = CHECKPOINT.sign(SIGNER);
        byte[] invalid = Arrays.copyOf(note, note.length);
        invalid[0] = (byte) 0xff;
        assertThrows(InvalidNoteException.class, () -> SignedNote.parse(invalid));
        StringBuilder many = new StringBuilder(new String(note, StandardCharsets.UTF_8));
        String line = many.substring(many.indexOf("\u2014"));
        for (int i = 0; i < SignedNote.MAX_SIGNATURES; i++) {
            many.append(line);
        }
        assertThrows(
                InvalidNoteException.class,
                () -> VERIFIER.verify(many.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "origin\n42\n",
                "origin\n42\nAAAA\n",
                "\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                "origin\n042\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                "origin\n-1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                "origin\n+1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                "origin\n 1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                "origin\n9223372036854775808\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                "origin\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\n",
                "origin\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
                "origin\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n",
                "origin\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next\n\n",
                "origin\n1\n47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=\n",
            })
    void malformedCheckpointsAreRefused(String text) {
        assertThrows(InvalidNoteException.class, () -> Checkpoint.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "PeterNeumann",
                "PeterNeumann+c74f20a3",
                "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+c74f20a3+Apc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+c74f20a3+AhpctkHFDw4TEHoMMW84SqogX7FZJqqvywxOIs1stdE1",
                "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
                "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA==",
            })
    void malformedVkeysAreRefused(String vkey) {
        assertThrows(InvalidNoteException.class, () -> NoteKey.parse(vkey));
    }

    @Test
    void keysMustBelongTogether() {
        NoteKey key = NoteKey.parse(GO_VKEY);
        assertThrows(InvalidNoteException.class, () -> NoteSigner.of(seedOf(PAIR), key));
        assertThrows(InvalidNoteException.class, () -> NoteSigner.parse(GO_SKEY, SIGNER.verifierKey()));
        assertThrows(InvalidNoteException.class, () -> NoteSigner.privateKey(new byte[31]));
        assertThrows(InvalidNoteException.class, () -> NoteKey.publicKey(new byte[33]));
        assertThrows(InvalidNoteException.class, () -> NoteKey.of("bad name", key.rawPublicKey()));
        assertThrows(InvalidNoteException.class, () -> SignedNote.sign("no newline", SIGNER));
        assertThrows(InvalidNoteException.class, () -> SignedNote.sign("bad\u0000\n", SIGNER));
        assertArrayEquals(key.rawPublicKey(), NoteKey.rawPublicKey(key.publicKey()));
        NoteSigner generated = NoteSigner.generate(ORIGIN);
        assertEquals(
                CHECKPOINT,
                Checkpoint.open(CHECKPOINT.sign(generated), new NoteVerifier(generated.verifierKey()), ORIGIN));
        assertThrows(InvalidNoteException.class, () -> NoteSigner.of(PAIR.getPrivate(), generated.verifierKey()));
    }

    /** The raw private key (seed) of a fresh key pair: the last 32 bytes of its PKCS#8 form (RFC 8410). */
    private static byte[] seedOf(KeyPair pair) {
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        assertEquals(48, pkcs8.length);
        return Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
