/**
 * The OpenAPI documents of the API server ({@code /openapi/v3}, {@code /openapi/v3/<group-version>},
 * {@code /openapi/v2}), the Kubernetes concept kube-apiserver serves through kube-openapi's {@code handler3}.
 * Documents are generated from the resource registry: paths and operations per resource as kube-apiserver's
 * installer lays them out, component schemas of built-in kinds from the fabric8 model classes, of custom resources
 * from their CRD's {@code openAPIV3Schema}. kubectl depends on them for {@code explain}, for the server-side
 * field-validation probe of {@code create}/{@code apply}/{@code replace}, and for the strategic merge patches of
 * client-side {@code apply}.
 */
package io.kava.apiserver.openapi;
