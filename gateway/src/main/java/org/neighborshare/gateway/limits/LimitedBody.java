package org.neighborshare.gateway.limits;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (chunked) counted on its way to the service. Past the limit it fails the
 * stream, so the proxy aborts the upstream request, and drops the rest while the client is still sending it, so
 * the client can read the 413 the gateway answers. A client that sends far more than that gets its connection
 * closed ({@link #onDrainExceeded}).
 */
public final class LimitedBody implements ReadStream<Buffer> {

    /** Thrown into the pipe when the body is over the limit. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("request body over " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private final long drainLimit;
    private final Runnable onDrainExceeded;
    private long received;
    private long dropped;
    private volatile boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    public LimitedBody(ReadStream<Buffer> source, long limit, long drainLimit, Runnable onDrainExceeded) {
        this.source = source;
        this.limit = limit;
        this.drainLimit = drainLimit;
        this.onDrainExceeded = onDrainExceeded;
    }

    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        // Keep reading (and dropping) after the limit even if the proxy unregisters its handler.
        source.handler(buffer -> {
            if (exceeded) {
                drop(buffer);
                return;
            }
            received += buffer.length();
            if (received > limit) {
                exceeded = true;
                source.resume();
                drop(buffer);
                Handler<Throwable> h = exceptionHandler;
                if (h != null) {
                    h.handle(new TooLarge(limit));
                }
            } else if (handler != null) {
                handler.handle(buffer);
            }
        });
        return this;
    }

    private void drop(Buffer buffer) {
        dropped += buffer.length();
        if (dropped > drainLimit) {
            onDrainExceeded.run();
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (!exceeded) {
            source.pause();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(
                endHandler == null
                        ? null
                        : v -> {
                            if (!exceeded) {
                                endHandler.handle(v);
                            }
                        });
        return this;
    }
}
