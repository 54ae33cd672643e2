/** Generic resource storage (Kubernetes' registry store): CRUD, list paging, watch, delete semantics, per-kind strategies. */
package io.kava.apiserver.rest;
