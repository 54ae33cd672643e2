/** Server-side printing: meta.k8s.io Tables for kubectl get. */
package io.kava.apiserver.table;
