package org.neighborshare.verifier;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.neighborshare.shared.audit.promise.PromiseChecker;

/**
 * {@code ./verify-log [--url URL] [--state FILE] [--key VKEY]... [--log-domain DOMAIN] [--grace PT1H]}: verifies a
 * deployment's public logs and the platform's promises; exit 0 when everything holds, 1 when something failed, 2
 * for a usage error.
 */
public final class Main {

    static final String USAGE = """
            usage: verify-log [--url URL] [--state FILE] [--key VKEY]... [--log-domain DOMAIN] [--grace DURATION]
              --url         the deployment's gateway (default http://localhost:8080, a local ./run-local)
              --state       where the last checkpoint seen per log is kept (default ~/.neighbor-share-verifier.json)
              --key         a verifier key (C2SP vkey) the deployment publishes; repeat for each log's key.
                            Default: the LOCAL DEMO keys, which prove nothing about a real deployment.
              --log-domain  the domain in the logs' origin lines (default neighborshare.example)
              --grace       how late a deletion at retention may be, ISO-8601 (default PT1H)
            exit status: 0 everything verified, 1 a check or promise failed, 2 usage error""";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        URI url = URI.create("http://localhost:8080");
        Path stateFile = Path.of(System.getProperty("user.home"), ".neighbor-share-verifier.json");
        List<String> vkeys = new ArrayList<>();
        String logDomain = "neighborshare.example";
        Duration grace = PromiseChecker.DEFAULT_RETENTION_GRACE;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--url" -> url = URI.create(value);
                    case "--state" -> stateFile = Path.of(value);
                    case "--key" -> vkeys.add(value);
                    case "--log-domain" -> logDomain = value;
                    case "--grace" -> grace = Duration.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("--url is an http or https URL");
            }
            if (grace.isNegative()) {
                throw new IllegalArgumentException("--grace is not negative");
            }
            TrustedKeys keys = vkeys.isEmpty() ? TrustedKeys.localDemo(logDomain) : TrustedKeys.of(vkeys);
            SeenCheckpoints state = SeenCheckpoints.load(stateFile);
            out.println("Neighbor Share log verifier: " + url);
            out.println("state file: " + stateFile);
            if (keys.demo()) {
                out.println("keys: the LOCAL DEMO keys (good for ./run-local only; pass --key for a deployment)");
            }
            keys.keys().forEach(k -> out.println("  trusted key " + k.toVkey()));
            Verifier.Outcome outcome = new Verifier(new HttpLogServer(url), keys, state, logDomain, grace, out).run();
            return outcome.passed() ? 0 : 1;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("verify-log: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IllegalStateException e) {
            err.println("verify-log: " + e.getMessage());
            return 1;
        }
    }
}
