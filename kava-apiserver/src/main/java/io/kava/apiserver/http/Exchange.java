package io.kava.apiserver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

import io.kava.api.json.Json;
import io.kava.api.protobuf.KubeProtobuf;
import io.kava.api.protobuf.ProtobufDecodeException;
import io.kava.apiserver.errors.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request and its response, with the few operations the API handlers need: query parameters, a
 * size-limited body, and JSON answers. Handlers run on virtual threads and may block.
 */
public final class Exchange {

    /** Kubernetes rejects request bodies over 3 MiB with 413. */
    public static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

    private final Request request;
    private final Response response;
    private final Fields query;
    private final String path;
    private OutputStream out;
    private int status = 200;
    private final List<String> warnings = new java.util.ArrayList<>();

    public Exchange(Request request, Response response) {
        this.request = request;
        this.response = response;
        this.query = Request.extractQueryParameters(request);
        this.path = request.getHttpURI().getDecodedPath();
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return path;
    }

    public String query(String name) {
        return query.getValue(name);
    }

    public List<String> queryValues(String name) {
        return query.getValues(name);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    public String accept() {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept == null ? "" : accept;
    }

    public String contentType() {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type == null ? "" : type;
    }

    public int status() {
        return status;
    }

    public Request request() {
        return request;
    }

    public Response response() {
        return response;
    }

    /** Reads the whole body; 413 when it is larger than {@link #MAX_BODY_BYTES}. */
    public byte[] body() {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw ApiException.tooLarge("limit is " + MAX_BODY_BYTES);
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    /** Parses the body as JSON, or as YAML when the Content-Type says so; 400 on malformed input. */
    public JsonNode bodyTree() {
        byte[] body = body();
        if (body.length == 0) {
            return null;
        }
        String type = contentType();
        if (KubeProtobuf.isProtobuf(type)) {
            try {
                return KubeProtobuf.decode(body);
            } catch (ProtobufDecodeException e) {
                // a message Kava cannot read: the client may retry in JSON
                throw ApiException.unsupportedMediaType("the body of the request could not be decoded as"
                        + " Kubernetes protobuf: " + e.getMessage());
            }
        }
        try {
            if (type.contains("yaml")) {
                return Json.parseYaml(body);
            }
            return Json.parse(body);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: " + firstLine(e));
        }
    }

    public void warn(String text) {
        warnings.add(text);
    }

    /** Sends a JSON document with {@code status}. */
    public void sendJson(int status, JsonNode body) {
        sendBytes(status, "application/json", Json.bytes(body));
    }

    public void sendBytes(int status, String contentType, byte[] body) {
        this.status = status;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        addWarnings();
        try {
            OutputStream stream = stream();
            if (!method().equals("HEAD")) {
                stream.write(body);
            }
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
    }

    public void sendText(int status, String text) {
        sendBytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a streamed response (watch): headers now, then {@link #write}/{@link #flush} as events come. */
    public OutputStream startStream(String contentType) throws IOException {
        status = 200;
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        addWarnings();
        // Commit the headers now: a watch may have nothing to send for a long time, and clients wait for them.
        var committed = new org.eclipse.jetty.util.Callback.Completable();
        response.write(false, java.nio.ByteBuffer.allocate(0), committed);
        try {
            committed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a stream", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
        return stream();
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    private void addWarnings() {
        for (String warning : warnings) {
            response.getHeaders().add("Warning", "299 - \"" + warning.replace("\"", "\\\"") + "\"");
        }
    }

    private OutputStream stream() {
        if (out == null) {
            out = Content.Sink.asOutputStream(response);
        }
        return out;
    }

    /** Finishes the response. */
    void complete() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
