/**
 * CustomResourceDefinitions: their own API rules, the registrar that serves custom resources as their CRDs come
 * and go, and the structural schema that defaults, prunes and validates custom resources.
 */
package io.kava.apiserver.crd;
