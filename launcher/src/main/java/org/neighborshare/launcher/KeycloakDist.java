package org.neighborshare.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Finds the Keycloak distribution zip and unpacks it, file modes kept, into the data dir. */
final class KeycloakDist {

    /** Where the build (maven-dependency-plugin in launcher/pom.xml) puts the zip. */
    static final String ZIP_DIR = "launcher/target/keycloak";

    private KeycloakDist() {}

    /** The Keycloak version the launcher was built for (root pom's {@code keycloak.version}). */
    static String version() {
        try (InputStream in = KeycloakDist.class.getResourceAsStream("launcher.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("keycloak.version", "");
            return v.isBlank() || v.startsWith("$") ? null : v;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The zip in {@code <repo>/launcher/target/keycloak/}, else the one in the local Maven repository.
     *
     * @throws SuiteException telling how to get it
     */
    static Path findZip(Path repoRoot) {
        Path dir = repoRoot.resolve(ZIP_DIR);
        List<Path> zips = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "keycloak-*.zip")) {
                ds.forEach(zips::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String version = version();
        if (!zips.isEmpty()) {
            Collections.sort(zips);
            if (version != null) {
                for (Path z : zips) {
                    if (z.getFileName().toString().contains("-" + version + ".zip")) {
                        return z;
                    }
                }
            }
            return zips.get(zips.size() - 1);
        }
        if (version != null) {
            Path m2 = Path.of(
                    System.getProperty("user.home"),
                    ".m2",
                    "repository",
                    "org",
                    "keycloak",
                    "keycloak-quarkus-dist",
                    version,
                    "keycloak-quarkus-dist-" + version + ".zip");
            if (Files.isRegularFile(m2)) {
                return m2;
            }
        }
        throw new SuiteException("the Keycloak distribution is missing (expected "
                + dir.resolve("keycloak-quarkus-dist-" + (version == null ? "<version>" : version) + ".zip")
                + "): build the launcher first, e.g. " + Preflight.HOW_TO_BUILD);
    }

    /** The folder the zip holds everything in, e.g. {@code keycloak-26.4.7}. */
    static String topFolder(Path zip) throws IOException {
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            String top = null;
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                String first = e.getName().split("/", 2)[0];
                if (top == null) {
                    top = first;
                } else if (!top.equals(first)) {
                    throw new IOException(zip + " does not hold a single top folder");
                }
            }
            if (top == null || top.isEmpty()) {
                throw new IOException(zip + " is empty");
            }
            return top;
        }
    }

    /**
     * Returns {@code dataDir/<top folder>}, unpacking the zip there first if it is absent; on that first
     * unpack the realm file is put into {@code data/import/} so that {@code --import-realm} imports it once.
     * The unpack goes through a temporary folder, so an interrupted one is never taken for complete.
     */
    static Path ensureUnpacked(Path zip, Path dataDir, Path realmFile, ProcessLog log) throws IOException {
        return ensureUnpacked(zip, dataDir, realmFile, REALM_WEB_ORIGIN, log);
    }

    /** The web origin the realm file names (the portal's redirect URIs): the local run's gateway. */
    static final String REALM_WEB_ORIGIN = "http://localhost:8080";

    /**
     * As {@link #ensureUnpacked(Path, Path, Path, ProcessLog)}, with the realm's web origin (the portal's sign-in
     * redirect and sign-out URIs, {@value #REALM_WEB_ORIGIN}) replaced by {@code webOrigin}, the gateway the
     * browser sees in this suite (the end-to-end tests run it on other ports).
     */
    static Path ensureUnpacked(Path zip, Path dataDir, Path realmFile, String webOrigin, ProcessLog log)
            throws IOException {
        Path home = dataDir.resolve(topFolder(zip));
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(".unpacking-" + home.getFileName());
        deleteTree(tmp);
        log.line("unpacking " + zip.getFileName() + " into " + home + " (first run)");
        unzip(zip, tmp);
        Path unpacked = tmp.resolve(home.getFileName());
        Path importDir = unpacked.resolve("data/import");
        Files.createDirectories(importDir);
        String realm = Files.readString(realmFile, StandardCharsets.UTF_8);
        Files.writeString(
                importDir.resolve(realmFile.getFileName()),
                realm.replace("\"" + REALM_WEB_ORIGIN, "\"" + webOrigin),
                StandardCharsets.UTF_8);
        deleteTree(home);
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(tmp);
        return home;
    }

    /** Unzips with the entries' Unix modes (executables stay executable) and symlinks; refuses paths that escape. */
    static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry escapes the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isUnixSymlink()) {
                    Files.createDirectories(out.getParent());
                    String link;
                    try (InputStream in = zf.getInputStream(e)) {
                        link = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(link));
                    continue;
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zf.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                int mode = e.getUnixMode() & 0777;
                if (mode != 0) {
                    setMode(out, e.isDirectory() ? mode | 0700 : mode | 0600);
                }
            }
        }
    }

    static void setMode(Path p, int mode) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                perms.add(order[i]);
            }
        }
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to keep
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(x);
            }
        }
    }
}
