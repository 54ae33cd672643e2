/** The single JSON/YAML codec (Jackson 3 trees) every Kava component uses for API objects. */
package io.kava.api.json;
