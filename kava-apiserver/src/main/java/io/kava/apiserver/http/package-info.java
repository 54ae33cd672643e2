/** The HTTP layer (Jetty handler): request parsing into RequestInfo, routing, JSON/Table output, streaming watches. */
package io.kava.apiserver.http;
