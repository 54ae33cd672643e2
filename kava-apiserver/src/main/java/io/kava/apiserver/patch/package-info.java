/** PATCH: JSON patch, JSON merge patch, strategic merge patch and server-side apply, chosen by Content-Type. */
package io.kava.apiserver.patch;
