package io.kava.apiserver.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.kava.api.json.Json;
import io.kava.apiserver.errors.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * The opaque {@code continue} token of a paged list: the revision the first page was read at and the key the next
 * page starts from, base64 JSON like Kubernetes' own ({@code {"v":"meta.k8s.io/v1","rv":12,"start":"..."}}).
 */
record ContinueToken(long revision, String startKey) {

    static String encode(long revision, String startKey, String prefix) {
        var node = Json.object().put("v", "meta.k8s.io/v1").put("rv", revision)
                .put("start", startKey.substring(prefix.length()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(node));
    }

    /** Decodes a token for a list under {@code prefix}; 400 BadRequest when it is not one of ours. */
    static ContinueToken decode(String token, String prefix) {
        try {
            JsonNode node = Json.parse(new String(Base64.getUrlDecoder().decode(token.trim()),
                    StandardCharsets.UTF_8));
            if (!"meta.k8s.io/v1".equals(node.path("v").asString(null)) || !node.path("rv").isIntegralNumber()
                    || !node.path("start").isString()) {
                throw new IllegalArgumentException("unexpected fields");
            }
            String start = node.get("start").asString();
            if (start.contains("..") || start.startsWith("/")) {
                throw new IllegalArgumentException("bad start key");
            }
            return new ContinueToken(node.get("rv").asLong(), prefix + start);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
        }
    }
}
