package io.kava.apiserver.openapi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.kava.api.registry.ResourceRegistry;
import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.http.ApiHandler;
import io.kava.apiserver.http.Exchange;

/**
 * Serves the OpenAPI documents generated from the resource registry, the way kube-apiserver does
 * (kube-openapi:pkg/handler3/handler.go, pkg/handler/handler.go):
 * <ul>
 *   <li>{@code GET /openapi/v3}: {@code {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=<etag>"}}}};</li>
 *   <li>{@code GET /openapi/v3/api/v1}, {@code /openapi/v3/apis/<group>/<version>}: one group-version's document,
 *       JSON only (406 otherwise). With {@code ?hash=} equal to its ETag the answer is cacheable forever
 *       ({@code Cache-Control: public, immutable}); a stale hash is redirected (301) to the current URL;</li>
 *   <li>{@code GET /openapi/v2}: every group-version in one Swagger 2.0 document, as JSON or as the gnostic
 *       protobuf message kubectl asks for ({@code application/com.github.proto-openapi.spec.v2@v1.0+protobuf}).
 *       kubectl 1.27 and 1.28 download it before every validated {@code create}/{@code apply} and for
 *       {@code explain}; later versions only when v3 fails or for {@code explain -o plaintext-openapiv2}.</li>
 * </ul>
 * Documents are cached and rebuilt after the registry or the custom resource schemas change.
 *
 * <p>Wire it as the {@code next} handler of {@code NonResourceEndpoints}:
 * {@code new NonResourceEndpoints(metrics, new OpenApiEndpoints(registry))}. kubectl's protobuf-only
 * {@code /openapi/v2} request reaches this handler only if {@code ApiHandler.checkAccept} lets {@code /openapi/} paths
 * through (it answers 406 to requests accepting neither JSON nor YAML before non-resource handlers run); this class
 * does its own Accept negotiation.
 */
public final class OpenApiEndpoints implements ApiHandler.NonResourceHandler {

    private static final String V3 = "/openapi/v3";
    private static final String V2 = "/openapi/v2";
    /** The media type kube-apiserver answers protobuf OpenAPI v2 requests with. */
    static final String PROTOBUF_V2 = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
    /** Go's {@code time.RFC1123} with a two-digit day, in GMT, as HTTP dates are written. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final OpenApiDocuments documents;
    private final CustomResourceSchemas customSchemas;
    private final Clock clock;
    private final KnownFields knownFields;

    /** Serves documents for every resource of {@code registry}, now and after later changes. */
    public OpenApiEndpoints(ResourceRegistry registry) {
        this(registry, new CustomResourceSchemas(), Clock.systemUTC());
    }

    public OpenApiEndpoints(ResourceRegistry registry, CustomResourceSchemas customSchemas, Clock clock) {
        this.customSchemas = customSchemas;
        this.clock = clock;
        var models = new ModelSchemas();
        this.documents = new OpenApiDocuments(registry, customSchemas, models);
        this.knownFields = new KnownFields(models, customSchemas);
    }

    /** The schemas' view of which fields each kind has (server-side field validation). */
    public KnownFields knownFields() {
        return knownFields;
    }

    /** Where CustomResourceDefinitions register their {@code openAPIV3Schema}s. */
    public CustomResourceSchemas customResourceSchemas() {
        return customSchemas;
    }

    @Override
    public boolean handle(Exchange exchange) {
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            return false;
        }
        String path = exchange.path();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals(V3)) {
            serve(exchange, documents.root(), "application/json", false);
        } else if (path.startsWith(V3 + "/")) {
            OpenApiDocuments.Document doc = documents.groupVersion(path.substring(V3.length() + 1));
            if (doc == null) {
                return false; // the caller answers 404
            }
            requireJson(exchange, "application/com.github.proto-openapi.spec.v3.v1.0+protobuf");
            String hash = exchange.query("hash");
            if (hash != null && !hash.isEmpty()) {
                if (!hash.equals(doc.etag())) {
                    redirect(exchange, OpenApiDocuments.serverRelativeUrl(path.substring(V3.length() + 1),
                            doc.etag()));
                    return true;
                }
                exchange.setHeader("Cache-Control", "public, immutable");
                exchange.setHeader("Expires", HTTP_DATE.format(clock.instant().atZone(ZoneOffset.UTC).plusYears(1)));
            }
            serve(exchange, doc, "application/json", true);
        } else if (path.equals(V2)) {
            switch (v2Format(exchange.accept())) {
                case "json" -> serve(exchange, documents.swagger(), "application/json", true);
                case "protobuf" -> serve(exchange, documents.swaggerProto(), PROTOBUF_V2, true);
                default -> throw ApiException.notAcceptable("only application/json and " + PROTOBUF_V2
                        + " are served here");
            }
        } else {
            return false;
        }
        return true;
    }

    private static void serve(Exchange exchange, OpenApiDocuments.Document doc, String contentType,
                              boolean varyAccept) {
        String etag = "\"" + doc.etag() + "\"";
        exchange.setHeader("ETag", etag);
        if (varyAccept) {
            exchange.setHeader("Vary", "Accept");
        }
        if (etag.equals(exchange.header("If-None-Match"))) {
            exchange.sendBytes(304, contentType, new byte[0]);
        } else {
            exchange.sendBytes(200, contentType, doc.bytes());
        }
    }

    private static void redirect(Exchange exchange, String location) {
        exchange.setHeader("Location", location);
        exchange.sendBytes(301, "text/html; charset=utf-8",
                ("<a href=\"" + location + "\">Moved Permanently</a>.\n").getBytes(StandardCharsets.UTF_8));
    }

    /** 406 unless the Accept header admits JSON; Kava serves no protobuf documents. */
    private static void requireJson(Exchange exchange, String protobuf) {
        if (!acceptsJson(exchange.accept())) {
            throw ApiException.notAcceptable("only application/json is served here, not " + protobuf);
        }
    }

    /**
     * What {@code /openapi/v2} answers an Accept header with: the first acceptable of {@code json} and
     * {@code protobuf} in the header's order, or {@code none}. kubectl asks for protobuf only.
     */
    static String v2Format(String accept) {
        if (accept == null || accept.isBlank()) {
            return "json";
        }
        for (String clause : accept.split(",")) {
            String type = clause.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.startsWith("application/com.github.proto-openapi.spec.v2") && type.endsWith("+protobuf")) {
                return "protobuf";
            }
            if (acceptsJson(clause)) {
                return "json";
            }
        }
        return "none";
    }

    /** True when {@code accept} is empty or names {@code application/json}, {@code application/*} or {@code * / *}. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String clause : accept.split(",")) {
            String[] parts = clause.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim().replace(" ", "");
                refused |= param.equals("q=0") || param.matches("q=0\\.0*");
            }
            if (!refused && (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")
                    || type.equals("*"))) {
                return true;
            }
        }
        return false;
    }
}
