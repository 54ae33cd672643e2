/** API errors as metav1.Status with Kubernetes' reasons, codes and messages. */
package io.kava.apiserver.errors;
