package io.kava.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.ByteSequence;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

    @Test
    void withoutANamespaceKeysGoOutAsTheyAre() {
        KeyCodec codec = new KeyCodec("");
        assertThat(text(codec.key("/registry/pods/default/web"))).isEqualTo("/registry/pods/default/web");
        assertThat(text(codec.prefixEnd("/registry/pods/"))).isEqualTo("/registry/pods0");
        assertThat(codec.decodeKey(seq("/registry/pods/default/web"))).isEqualTo("/registry/pods/default/web");
    }

    @Test
    void theNamespaceIsPrependedAndStripped() {
        KeyCodec codec = new KeyCodec("/kava-a");
        assertThat(text(codec.key("/registry/pods/x"))).isEqualTo("/kava-a/registry/pods/x");
        assertThat(text(codec.prefixEnd("/registry/"))).isEqualTo("/kava-a/registry0");
        assertThat(codec.decodeKey(seq("/kava-a/registry/pods/x"))).isEqualTo("/registry/pods/x");
        assertThat(codec.decodeKey(seq("/kava-b/registry/pods/x"))).isNull();
        assertThat(codec.decodeKey(seq("/kava"))).isNull();
    }

    @Test
    void theEmptyPrefixCoversEverythingInTheNamespace() {
        assertThat(new KeyCodec("").key("").getBytes()).containsExactly(0);
        assertThat(new KeyCodec("").prefixEnd("").getBytes()).containsExactly(0);
        assertThat(text(new KeyCodec("/ns").key(""))).isEqualTo("/ns");
        assertThat(text(new KeyCodec("/ns").prefixEnd(""))).isEqualTo("/nt");
    }

    @Test
    void prefixEndIncrementsTheLastByte() {
        KeyCodec codec = new KeyCodec("");
        // UTF-8 never contains 0xff, so the last byte can always be incremented.
        assertThat(codec.prefixEnd("a\uFFFF").getBytes()).containsExactly('a', 0xef, 0xbf, 0xc0);
        assertThat(codec.prefixEnd("é").getBytes()).containsExactly(0xc3, 0xaa);
    }

    @Test
    void multiByteKeysRoundTrip() {
        KeyCodec codec = new KeyCodec("/ns");
        String key = "/registry/configmaps/default/ünïcödé-✓";
        assertThat(codec.decodeKey(codec.key(key))).isEqualTo(key);
    }

    @Test
    void aKeyOutsideTheNamespaceIsABugNotData() {
        KeyCodec codec = new KeyCodec("/ns");
        io.etcd.jetcd.KeyValue foreign = new io.etcd.jetcd.KeyValue(io.etcd.jetcd.api.KeyValue.newBuilder()
                .setKey(com.google.protobuf.ByteString.copyFromUtf8("/other/x")).setModRevision(3).build(),
                ByteSequence.EMPTY);
        assertThatThrownBy(() -> codec.decode(foreign)).isInstanceOf(IllegalStateException.class);
        assertThat(codec.decodePrevious(new io.etcd.jetcd.KeyValue(io.etcd.jetcd.api.KeyValue.getDefaultInstance(),
                ByteSequence.EMPTY))).isNull();
    }

    private static ByteSequence seq(String s) {
        return ByteSequence.from(s, UTF_8);
    }

    private static String text(ByteSequence bytes) {
        return bytes.toString(UTF_8);
    }
}
