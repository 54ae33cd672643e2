package io.kava.api.protobuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kava.api.json.Json;
import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny HTTP/1.1 API server on 127.0.0.1 for tests: it serves legacy discovery for Kava's built-in resources (plus
 * the review APIs), canned GET answers, and records every request with a body. A body in protobuf is decoded with
 * {@link KubeProtobuf} and the decoded object is the answer (201), so kubectl goes on as against a real server; a body
 * Kava cannot decode gets 415 with the decoder's message.
 */
final class CaptureServer implements AutoCloseable {

    record Request(String method, String path, String contentType, byte[] body) {
    }

    private final HttpServer http;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> canned = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> statusByKind = new ConcurrentHashMap<>();

    CaptureServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/", this::handle);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Writes a kubeconfig for this server into {@code dir} and returns its path. */
    Path kubeconfig(Path dir) throws IOException {
        Path p = dir.resolve("kubeconfig");
        Files.writeString(p, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
                current-context: x
                """.formatted(url()));
        return p;
    }

    /** Answers GET {@code path} (query ignored) with this JSON. */
    void canned(String path, String json) {
        canned.put(path, json);
    }

    /** Adds {@code status} to the echoed answer of a kind (a review's verdict, a token). */
    void statusFor(String kind, String statusJson) {
        statusByKind.put(kind, (ObjectNode) Json.parse(statusJson));
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clear() {
        requests.clear();
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String ct = ex.getRequestHeaders().getFirst("Content-Type");
            if (body.length > 0 || !method.equals("GET")) {
                requests.add(new Request(method, ex.getRequestURI().toString(), ct, body));
            }
            if (method.equals("GET")) {
                String json = discovery(path);
                if (json == null) {
                    json = canned.get(path);
                }
                if (json == null) {
                    reply(ex, 404, status(404, "NotFound", "not found: " + path));
                } else {
                    reply(ex, 200, json);
                }
                return;
            }
            if (body.length == 0) {
                reply(ex, 200, status(200, "", "ok"));
                return;
            }
            ObjectNode obj;
            if (KubeProtobuf.isProtobuf(ct)) {
                try {
                    obj = KubeProtobuf.decode(body);
                } catch (ProtobufDecodeException e) {
                    reply(ex, 415, status(415, "UnsupportedMediaType", e.getMessage()));
                    return;
                }
            } else {
                obj = (ObjectNode) Json.parse(body);
            }
            if (method.equals("PATCH")) {
                String json = canned.get(path);
                reply(ex, json == null ? 404 : 200, json == null ? status(404, "NotFound", path) : json);
                return;
            }
            ObjectNode st = statusByKind.get(obj.path("kind").asString(""));
            if (st != null) {
                obj.set("status", st.deepCopy());
            }
            reply(ex, 201, Json.string(obj));
        }
    }

    private static String status(int code, String reason, String message) {
        ObjectNode s = Json.object();
        s.put("kind", "Status").put("apiVersion", "v1").put("status", code < 400 ? "Success" : "Failure")
                .put("code", code).put("reason", reason).put("message", message);
        return Json.string(s);
    }

    private static void reply(HttpExchange ex, int code, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    // ---- discovery ----------------------------------------------------------------------------------------------

    private static final List<ResourceType> EXTRA = List.of(
            new ResourceType("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews",
                    "", false, List.of(), List.of(), java.util.Set.of()),
            new ResourceType("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews",
                    "", false, List.of(), List.of(), java.util.Set.of()),
            new ResourceType("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews",
                    "", false, List.of(), List.of(), java.util.Set.of()),
            new ResourceType("authentication.k8s.io", "v1", "TokenReview", "tokenreviews",
                    "", false, List.of(), List.of(), java.util.Set.of()));

    private static List<ResourceType> all() {
        List<ResourceType> all = new ArrayList<>(ResourceRegistry.withBuiltins().all());
        all.addAll(EXTRA);
        return all;
    }

    private static String discovery(String path) {
        List<ResourceType> all = all();
        if (path.equals("/api")) {
            return """
                    {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":\
                    [{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""";
        }
        if (path.equals("/apis")) {
            ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
            ArrayNode groups = list.putArray("groups");
            Map<String, List<String>> versions = new java.util.LinkedHashMap<>();
            for (ResourceType t : all) {
                if (!t.group().isEmpty()) {
                    List<String> vs = versions.computeIfAbsent(t.group(), g -> new ArrayList<>());
                    if (!vs.contains(t.version())) {
                        vs.add(t.version());
                    }
                }
            }
            versions.forEach((g, vs) -> {
                ObjectNode grp = groups.addObject().put("name", g);
                ArrayNode arr = grp.putArray("versions");
                for (String v : vs) {
                    arr.addObject().put("groupVersion", g + "/" + v).put("version", v);
                }
                grp.putObject("preferredVersion").put("groupVersion", g + "/" + vs.get(0)).put("version", vs.get(0));
            });
            return Json.string(list);
        }
        String gv;
        if (path.equals("/api/v1")) {
            gv = "v1";
        } else if (path.startsWith("/apis/") && path.chars().filter(c -> c == '/').count() == 3) {
            gv = path.substring("/apis/".length());
        } else {
            return null;
        }
        ObjectNode list = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", gv);
        ArrayNode res = list.putArray("resources");
        boolean any = false;
        for (ResourceType t : all) {
            if (!t.apiVersion().equals(gv)) {
                continue;
            }
            any = true;
            ObjectNode r = res.addObject().put("name", t.plural()).put("singularName", t.singular())
                    .put("namespaced", t.namespaced()).put("kind", t.kind());
            ArrayNode verbs = r.putArray("verbs");
            if (t.singular().isEmpty()) {
                verbs.add("create");
            } else {
                ResourceType.VERBS.forEach(verbs::add);
            }
            if (!t.shortNames().isEmpty()) {
                ArrayNode sn = r.putArray("shortNames");
                t.shortNames().forEach(sn::add);
            }
            if (!t.categories().isEmpty()) {
                ArrayNode cs = r.putArray("categories");
                t.categories().forEach(cs::add);
            }
            for (String sub : t.subresources()) {
                ObjectNode r2 = res.addObject().put("name", t.plural() + "/" + sub).put("singularName", "")
                        .put("namespaced", t.namespaced());
                switch (sub) {
                    case "scale" -> r2.put("group", "autoscaling").put("version", "v1").put("kind", "Scale");
                    case "eviction" -> r2.put("group", "policy").put("version", "v1").put("kind", "Eviction");
                    case "token" -> r2.put("group", "authentication.k8s.io").put("version", "v1")
                            .put("kind", "TokenRequest");
                    default -> r2.put("kind", t.kind());
                }
                r2.putArray("verbs").add("get").add("create").add("update").add("patch");
            }
        }
        return any ? Json.string(list) : null;
    }
}
