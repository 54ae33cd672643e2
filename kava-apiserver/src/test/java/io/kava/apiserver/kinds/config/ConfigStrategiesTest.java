package io.kava.apiserver.kinds.config;

import static io.kava.apiserver.kinds.KindsTesting.create;
import static io.kava.apiserver.kinds.KindsTesting.createErrors;
import static io.kava.apiserver.kinds.KindsTesting.forbidden;
import static io.kava.apiserver.kinds.KindsTesting.invalid;
import static io.kava.apiserver.kinds.KindsTesting.json;
import static io.kava.apiserver.kinds.KindsTesting.required;
import static io.kava.apiserver.kinds.KindsTesting.updateErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.kava.apiserver.errors.ApiException;
import io.kava.apiserver.kinds.KindsTesting.Cause;
import tools.jackson.databind.node.ObjectNode;

class ConfigStrategiesTest {

    private final ConfigMapStrategy configMaps = new ConfigMapStrategy();
    private final SecretStrategy secrets = new SecretStrategy();

    private static ObjectNode object(String kind, String fields) {
        return json("{\"apiVersion\":\"v1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"c\",\"namespace\":"
                + "\"default\"}" + fields + "}");
    }

    @Test
    void configMapKeysAndSize() {
        create(configMaps, object("ConfigMap", ", \"data\": {\"app.properties\": \"a=b\", \"KEY_1\": \"x\"}"));
        assertThat(createErrors(configMaps, object("ConfigMap",
                ", \"data\": {\"bad key\": \"x\", \"dup\": \"x\"}, \"binaryData\": {\"dup\": \"eA==\"}")))
                .containsExactly(
                        invalid("data[bad key]", "Invalid value: \"bad key\": a valid config key must consist of"
                                + " alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or"
                                + " 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"),
                        invalid("data[dup]", "Invalid value: \"dup\": duplicate of key present in binaryData"));
        assertThat(createErrors(configMaps, object("ConfigMap", ", \"data\": {\"big\": \"" + "x".repeat(1024 * 1024)
                + "\", \"more\": \"y\"}")))
                .containsExactly(new Cause("FieldValueTooLong", "", "Too long: may not be more than 1048576 bytes"));
        assertThat(configMaps.tracksGeneration()).isFalse();
    }

    @Test
    void immutableConfigMaps() {
        ObjectNode old = create(configMaps, object("ConfigMap", ", \"immutable\": true, \"data\": {\"a\": \"1\"}"));
        ObjectNode relabeled = old.deepCopy();
        ((ObjectNode) relabeled.get("metadata")).putObject("labels").put("x", "y");
        assertThat(updateErrors(configMaps, relabeled, old)).isEmpty();
        ObjectNode changed = old.deepCopy();
        changed.remove("immutable");
        ((ObjectNode) changed.get("data")).put("a", "2");
        assertThat(updateErrors(configMaps, changed, old)).containsExactly(
                forbidden("immutable", "Forbidden: field is immutable when `immutable` is set"),
                forbidden("data", "Forbidden: field is immutable when `immutable` is set"));
    }

    @Test
    void secretsFoldStringDataIntoData() {
        ObjectNode secret = create(secrets, object("Secret",
                ", \"data\": {\"a\": \"MQ==\"}, \"stringData\": {\"b\": \"two\", \"a\": \"one\"}"));
        assertThat(secret.get("data")).isEqualTo(json("{\"a\": \"b25l\", \"b\": \"dHdv\"}"));
        assertThat(secret.has("stringData")).isFalse();
        assertThat(secret.get("type").asString()).isEqualTo("Opaque");
        assertThat(secrets.tracksGeneration()).isFalse();
    }

    @Test
    void secretTypesAndPayload() {
        assertThat(createErrors(secrets, object("Secret", ", \"type\": \"kubernetes.io/tls\","
                + " \"data\": {\"tls.crt\": \"eA==\"}"))).containsExactly(required("data[tls.key]"));
        assertThat(createErrors(secrets, object("Secret", ", \"type\": \"kubernetes.io/service-account-token\"")))
                .containsExactly(required("metadata.annotations[kubernetes.io/service-account.name]"));
        assertThatThrownBy(() -> createErrors(secrets, object("Secret", ", \"data\": {\"a\": \"not base64!\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Secret in version \"v1\" cannot be handled as a Secret:"
                            + " illegal base64 data at input byte 3");
                });
    }

    @Test
    void secretTypeIsImmutable() {
        ObjectNode old = create(secrets, object("Secret", ", \"data\": {\"a\": \"MQ==\"}"));
        ObjectNode changed = old.deepCopy();
        changed.put("type", "kubernetes.io/basic-auth");
        ((ObjectNode) changed.get("data")).put("username", "dQ==");
        assertThat(updateErrors(secrets, changed, old)).containsExactly(
                invalid("type", "Invalid value: \"kubernetes.io/basic-auth\": field is immutable"));
    }
}
