/** Discovery documents: legacy APIVersions/APIGroupList/APIResourceList and aggregated apidiscovery v2/v2beta1. */
package io.kava.apiserver.discovery;
