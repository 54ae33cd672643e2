package io.kava.apiserver.kinds.conversion;

import java.util.Optional;

import io.kava.api.registry.ResourceRegistry;
import io.kava.api.registry.ResourceType;
import io.kava.apiserver.rest.Conversion;

/** Which served kinds are stored as another version, and how to convert them. */
public final class Conversions {

    /** A kind kept in another resource's storage. */
    public record StoredAs(ResourceType storage, Conversion conversion) {
    }

    private Conversions() {
    }

    public static Optional<StoredAs> forType(ResourceType type, ResourceRegistry registry) {
        return switch (type.group() + "/" + type.version() + "/" + type.plural()) {
            case "events.k8s.io/v1/events" -> registry.find("", "v1", "events")
                    .map(core -> new StoredAs(core, new EventConversion()));
            case "autoscaling/v1/horizontalpodautoscalers" -> registry.find("autoscaling", "v2",
                    "horizontalpodautoscalers").map(v2 -> new StoredAs(v2, new HorizontalPodAutoscalerConversion()));
            default -> Optional.empty();
        };
    }
}
