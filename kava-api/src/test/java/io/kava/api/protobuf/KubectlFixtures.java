package io.kava.api.protobuf;

/** Canned cluster state the capture server answers with, so multi-step kubectl commands get to their writes. */
final class KubectlFixtures {

    private KubectlFixtures() {
    }

    static void cannedCluster(CaptureServer s) {
        s.canned("/api/v1/nodes/node1", """
                {"apiVersion":"v1","kind":"Node","metadata":{"name":"node1","resourceVersion":"1"},"spec":{}}""");
        s.canned("/api/v1/pods", """
                {"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"1"},"items":[
                 {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"default","uid":"u1",
                  "resourceVersion":"1","ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-rs",
                  "uid":"u2","controller":true}]},"spec":{"nodeName":"node1","containers":[{"name":"c","image":"nginx"}]}}]}""");
        s.canned("/apis/apps/v1/namespaces/default/replicasets/web-rs", """
                {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-rs","namespace":"default","uid":"u2"},
                 "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""");
        s.canned("/apis/apps/v1/namespaces/default/deployments/web", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","uid":"u3",
                 "resourceVersion":"5","labels":{"app":"web"}},
                 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80,"protocol":"TCP"}]}]}}}}""");
        s.canned("/apis/apps/v1/namespaces/default/deployments/web/scale", """
                {"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web","namespace":"default",
                 "resourceVersion":"5"},"spec":{"replicas":3},"status":{"replicas":3,"selector":"app=web"}}""");
        s.statusFor("SelfSubjectAccessReview", "{\"allowed\":true}");
        s.statusFor("SelfSubjectRulesReview", "{\"resourceRules\":[],\"nonResourceRules\":[],\"incomplete\":false}");
        s.statusFor("SelfSubjectReview", "{\"userInfo\":{\"username\":\"alice\",\"groups\":[\"system:authenticated\"]}}");
        s.statusFor("TokenRequest", "{\"token\":\"tok\",\"expirationTimestamp\":\"2030-01-01T00:00:00Z\"}");
    }
}
