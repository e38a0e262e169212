package ir.kanoon.gateway.support;

import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests to the gateway from a chosen source address on the loopback network (127.0.0.0/8
 * is all local on Linux), so tests can be "another client" or "the load balancer".
 */
public final class Peers {

    private Peers() {
    }

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonPath json() {
            return JsonPath.from(body);
        }
    }

    /** GET {@code path} from {@code source}; {@code headers} as "Name: value" lines. */
    public static Answer get(String source, String path, String... headers) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(source), 0)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n")
                    .append("Accept-Language: en\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status, headers and body of a raw HTTP/1.1 answer (a chunked body is joined). */
    public static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            // sizes count bytes; the bodies here are JSON of ASCII and Persian text, so work in bytes
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String piece = new String(rest, 0, size, StandardCharsets.UTF_8);
            body.append(piece);
            at = lineEnd + 2 + piece.length() + 2;
        }
    }
}
