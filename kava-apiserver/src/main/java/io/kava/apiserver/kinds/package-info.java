/** Per-kind API rules (Kubernetes' registry strategies): defaulting, validation, update and delete rules. */
package io.kava.apiserver.kinds;
