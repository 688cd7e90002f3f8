package org.neighborshare.bench;

import org.neighborshare.testsupport.TestTokens;

/**
 * Prints a gateway-style internal token (LOCAL DEMO key, 30 s) for {@code args[0]} as audience, for the demo
 * investigator det.jones, so the gateway benchmark can call a service directly or through plain nginx.
 */
public final class MintInternalToken {

    public static void main(String[] args) {
        System.out.println(TestTokens.forService(args.length > 0 ? args[0] : "agency-service")
                .user("0b6f1c1e-0000-4000-8000-00000000b002", "det.jones")
                .email("sjones@riverton-pd.example", true)
                .role("owner")
                .mint());
    }
}
