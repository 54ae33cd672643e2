/** Access and token reviews: computed, create-only resources of authorization.k8s.io and authentication.k8s.io. */
package io.kava.apiserver.reviews;
