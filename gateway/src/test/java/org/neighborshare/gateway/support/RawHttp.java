package org.neighborshare.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written: HTTP client libraries normalise "..", "%2e" and the like before
 * sending, which would hide the very tricks the gateway must withstand.
 */
public final class RawHttp {

    public record Response(int status, String head, String body) {}

    public static Response get(int port, String rawTarget, String... headers) throws Exception {
        return send(port, "GET", rawTarget, 0, headers);
    }

    /**
     * Sends {@code chunkedBytes} bytes of body with {@code Transfer-Encoding: chunked} (in 16 KiB chunks) when it
     * is above 0: a body whose length the server cannot know up front.
     */
    public static Response send(int port, String method, String rawTarget, int chunkedBytes, String... headers)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder(method)
                    .append(' ')
                    .append(rawTarget)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            if (chunkedBytes > 0) {
                req.append("Transfer-Encoding: chunked\r\n");
            }
            req.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            if (chunkedBytes > 0) {
                byte[] chunk = new byte[16 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'c');
                for (int sent = 0; sent < chunkedBytes; sent += chunk.length) {
                    int n = Math.min(chunk.length, chunkedBytes - sent);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Response(status, head, body);
        }
    }

    /**
     * Sends {@code request} byte for byte (request line, headers and all, nothing added) and reads until the
     * server closes or {@code Connection: close} ends the answer.
     */
    public static Response exchange(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(all);
            } catch (java.net.SocketException e) {
                // a reset after the answer: what was read is the answer
            }
            String text = all.toString(StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return new Response(-1, "", "");
            }
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Response(status, head, body);
        }
    }
}
