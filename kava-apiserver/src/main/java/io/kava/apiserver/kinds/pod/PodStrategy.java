package io.kava.apiserver.kinds.pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.kava.apiserver.errors.FieldErrors;
import io.kava.apiserver.kinds.validation.Checks;
import io.kava.apiserver.kinds.validation.Names;
import io.kava.apiserver.kinds.validation.Trees;
import io.kava.apiserver.rest.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pods (Kubernetes' {@code pkg/registry/core/pod/strategy.go}): spec defaults, {@code status} set to Pending with
 * the QoS class on create, the narrow set of spec fields an update may change, and graceful deletion for pods bound
 * to a node. Pods do not track {@code metadata.generation} (PodObservedGenerationTracking is off in 1.33).
 */
public final class PodStrategy implements Strategy {

    static final String UPDATABLE_FIELDS = "`spec.containers[*].image`,`spec.initContainers[*].image`,"
            + "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";
    private static final int MAX_DIFF_LINES = 20;

    @Override
    public void applyDefaults(ObjectNode object) {
        Checks.decoding(object, () -> {
            ObjectNode spec = Trees.object(object, "spec");
            PodSpecs.applyDefaults(spec);
            PodSpecs.applyPodDefaults(spec);
        });
    }

    @Override
    public void prepareForCreate(ObjectNode object) {
        applyDefaults(object); // Kubernetes defaults while decoding, so the QoS class sees defaulted requests.
        ObjectNode status = object.putObject("status");
        status.put("phase", "Pending");
        status.put("qosClass", Resources.qosClass(object.get("spec")));
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        PodSpecs.validateSpec(Trees.objectOrNull(object, "spec"), "spec", true, errors);
    }

    @Override
    public void validateUpdate(ObjectNode object, ObjectNode old, FieldErrors errors) {
        JsonNode spec = Trees.object(object, "spec");
        JsonNode oldSpec = Trees.object(old, "spec");
        for (String list : List.of("containers", "initContainers")) {
            var containers = Trees.objects(spec, list);
            if (containers.size() != Trees.objects(oldSpec, list).size()) {
                errors.forbidden("spec." + list, "pod updates may not add or remove containers");
                return;
            }
            for (int i = 0; i < containers.size(); i++) {
                String image = Trees.textOrEmpty(containers.get(i), "image");
                if (image.isEmpty()) {
                    errors.required("spec." + list + "[" + i + "].image");
                }
                if (!image.equals(image.strip())) {
                    errors.invalid("spec." + list + "[" + i + "].image", image,
                            "must not have leading or trailing whitespace");
                }
            }
        }
        Long deadline = Trees.number(spec, "activeDeadlineSeconds");
        Long oldDeadline = Trees.number(oldSpec, "activeDeadlineSeconds");
        if (deadline != null) {
            if (deadline < 0 || deadline > Integer.MAX_VALUE) {
                errors.invalid("spec.activeDeadlineSeconds", deadline, Names.inclusiveRange(0, Integer.MAX_VALUE));
                return;
            }
            if (oldDeadline != null && oldDeadline < deadline) {
                errors.invalid("spec.activeDeadlineSeconds", deadline, "must be less than or equal to previous value");
                return;
            }
        } else if (oldDeadline != null) {
            errors.invalid("spec.activeDeadlineSeconds", "null",
                    "must not update from a positive integer to nil value");
        }
        onlyAddedTolerations(Trees.objects(spec, "tolerations"), Trees.objects(oldSpec, "tolerations"), errors);
        onlyDeletedSchedulingGates(spec, oldSpec, errors);
        if (spec.equals(oldSpec)) {
            return;
        }
        ObjectNode munged = (ObjectNode) spec.deepCopy();
        for (String list : List.of("containers", "initContainers")) {
            var containers = Trees.objects(munged, list);
            var oldContainers = Trees.objects(oldSpec, list);
            for (int i = 0; i < containers.size(); i++) {
                copy(oldContainers.get(i), containers.get(i), "image");
            }
        }
        copy(oldSpec, munged, "activeDeadlineSeconds");
        copy(oldSpec, munged, "schedulingGates");
        copy(oldSpec, munged, "tolerations");
        Long oldGrace = Trees.number(oldSpec, "terminationGracePeriodSeconds");
        if (oldGrace != null && oldGrace < 0 && Objects.equals(Trees.number(munged, "terminationGracePeriodSeconds"),
                1L)) {
            copy(oldSpec, munged, "terminationGracePeriodSeconds");
        }
        if (!munged.equals(oldSpec)) {
            errors.forbidden("spec", "pod updates may not change fields other than " + UPDATABLE_FIELDS + "\n"
                    + diff(oldSpec, munged));
        }
    }

    /**
     * Bound pods get their grace period (the requested one, else {@code spec.terminationGracePeriodSeconds}); pods
     * not yet scheduled or already finished are deleted at once.
     */
    @Override
    public long gracePeriodSeconds(ObjectNode object, Long requested) {
        JsonNode spec = object.get("spec");
        long period = requested != null ? requested : Trees.number(spec, "terminationGracePeriodSeconds", 0);
        if (Trees.textOrEmpty(spec, "nodeName").isEmpty()) {
            period = 0;
        }
        String phase = Trees.textOrEmpty(object.get("status"), "phase");
        if (phase.equals("Failed") || phase.equals("Succeeded")) {
            period = 0;
        }
        return period < 0 ? 1 : period;
    }

    @Override
    public boolean tracksGeneration() {
        return false;
    }

    private static void onlyAddedTolerations(List<ObjectNode> tolerations, List<ObjectNode> old, FieldErrors errors) {
        for (ObjectNode o : old) {
            boolean found = false;
            for (ObjectNode t : tolerations) {
                ObjectNode clone = o.deepCopy();
                copy(t, clone, "tolerationSeconds");
                if (clone.equals(t)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                errors.forbidden("spec.tolerations", "existing toleration can not be modified except its"
                        + " tolerationSeconds");
                return;
            }
        }
    }

    private static void onlyDeletedSchedulingGates(JsonNode spec, JsonNode oldSpec, FieldErrors errors) {
        var oldNames = new ArrayList<String>();
        for (JsonNode gate : Trees.objects(oldSpec, "schedulingGates")) {
            oldNames.add(Trees.textOrEmpty(gate, "name"));
        }
        for (JsonNode gate : Trees.objects(spec, "schedulingGates")) {
            String name = Trees.textOrEmpty(gate, "name");
            if (!oldNames.contains(name)) {
                errors.forbidden("spec.schedulingGates", "only deletion is allowed, but found new scheduling gate '"
                        + name + "'");
            }
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null) {
            to.remove(field);
        } else {
            to.set(field, value.deepCopy());
        }
    }

    /**
     * A short account of what changed, in place of the Go {@code cmp.Diff} of the internal PodSpec that Kubernetes
     * appends: one {@code -}/{@code +} line per changed field.
     */
    static String diff(JsonNode old, JsonNode updated) {
        var lines = new ArrayList<String>();
        diff("spec", old, updated, lines);
        if (lines.size() > MAX_DIFF_LINES) {
            int more = lines.size() - MAX_DIFF_LINES;
            lines.subList(MAX_DIFF_LINES, lines.size()).clear();
            lines.add("  ... (" + more + " more)");
        }
        return String.join("\n", lines);
    }

    private static void diff(String path, JsonNode old, JsonNode updated, List<String> lines) {
        if (Objects.equals(old, updated)) {
            return;
        }
        if (old instanceof ObjectNode o && updated instanceof ObjectNode u) {
            var names = new java.util.LinkedHashSet<String>();
            o.propertyNames().forEach(names::add);
            u.propertyNames().forEach(names::add);
            for (String name : names) {
                diff(path + "." + name, o.get(name), u.get(name), lines);
            }
            return;
        }
        if (old instanceof ArrayNode o && updated instanceof ArrayNode u && o.size() == u.size()) {
            for (int i = 0; i < o.size(); i++) {
                diff(path + "[" + i + "]", o.get(i), u.get(i), lines);
            }
            return;
        }
        if (old != null) {
            lines.add("- " + path + ": " + old);
        }
        if (updated != null) {
            lines.add("+ " + path + ": " + updated);
        }
    }
}
