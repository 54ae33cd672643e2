package io.kava.apiserver.kinds;

import io.kava.api.registry.ResourceType;
import io.kava.apiserver.kinds.apps.DaemonSetStrategy;
import io.kava.apiserver.kinds.apps.DeploymentStrategy;
import io.kava.apiserver.kinds.apps.ReplicaSetStrategy;
import io.kava.apiserver.kinds.apps.ReplicationControllerStrategy;
import io.kava.apiserver.kinds.apps.StatefulSetStrategy;
import io.kava.apiserver.kinds.batch.CronJobStrategy;
import io.kava.apiserver.kinds.batch.JobStrategy;
import io.kava.apiserver.kinds.config.ConfigMapStrategy;
import io.kava.apiserver.kinds.config.SecretStrategy;
import io.kava.apiserver.kinds.pod.PodStrategy;
import io.kava.apiserver.kinds.pod.PodTemplateStrategy;
import io.kava.apiserver.kinds.service.ServiceStrategy;
import io.kava.apiserver.rest.NameRule;
import io.kava.apiserver.rest.Strategy;

/**
 * Picks the {@link Strategy} of each kind; kinds without special rules get the generic one. Called once per resource
 * type by the API server.
 */
public final class Strategies {

    private static final Strategy GENERIC = new Strategy() {
    };

    private Strategies() {
    }

    public static Strategy forType(ResourceType type, StrategyContext context) {
        return switch (type.group() + "/" + type.kind()) {
            case "/Namespace" -> new NamespaceStrategy();
            case "apiextensions.k8s.io/CustomResourceDefinition" -> new io.kava.apiserver.crd.CrdStrategy();
            case "/Pod" -> new PodStrategy();
            case "/PodTemplate" -> new PodTemplateStrategy();
            case "/ReplicationController" -> new ReplicationControllerStrategy();
            case "/Service" -> new ServiceStrategy(context.store(), context.clock(), context.serviceNetwork(),
                    type.storagePrefix());
            case "/ConfigMap" -> new ConfigMapStrategy();
            case "/Secret" -> new SecretStrategy();
            case "/Event" -> new EventStrategy();
            // Kinds without a generation-tracked spec (Kubernetes sets no metadata.generation for them).
            case "/Node", "/Endpoints", "/ServiceAccount", "/PersistentVolume", "/PersistentVolumeClaim",
                 "/LimitRange", "/ResourceQuota", "coordination.k8s.io/Lease", "discovery.k8s.io/EndpointSlice",
                 "certificates.k8s.io/CertificateSigningRequest" ->
                    SimpleStrategy.NO_GENERATION;
            case "events.k8s.io/Event" -> new Strategy() {
                @Override
                public long ttlSeconds() {
                    return EventStrategy.EVENT_TTL_SECONDS;
                }

                @Override
                public boolean tracksGeneration() {
                    return false;
                }
            };
            case "apps/Deployment" -> new DeploymentStrategy();
            case "apps/ReplicaSet" -> new ReplicaSetStrategy();
            case "apps/StatefulSet" -> new StatefulSetStrategy();
            case "apps/DaemonSet" -> new DaemonSetStrategy();
            case "batch/Job" -> new JobStrategy();
            case "batch/CronJob" -> new CronJobStrategy();
            case "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole",
                 "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding" ->
                    new SimpleStrategy(NameRule.PATH_SEGMENT, true);
            default -> GENERIC;
        };
    }
}
