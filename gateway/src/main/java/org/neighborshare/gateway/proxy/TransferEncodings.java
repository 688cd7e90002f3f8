package org.neighborshare.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.List;

/** Which Transfer-Encoding a message may carry through the gateway: none, or a single "chunked". */
final class TransferEncodings {

    private TransferEncodings() {}

    /** Anything else is where request smuggling lives (and what vertx-http-proxy refuses as well). */
    static boolean sane(MultiMap headers) {
        List<String> te = headers.getAll(HttpHeaders.TRANSFER_ENCODING);
        return te.isEmpty() || te.size() == 1 && te.get(0).trim().equalsIgnoreCase("chunked");
    }
}
