package io.kava.store.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRangeTest {

    @Test
    void successorIncrementsTheLastByte() {
        assertThat(KeyRange.prefix("/registry/pods/").toExclusive()).isEqualTo("/registry/pods0".getBytes(UTF_8));
        assertThat(KeyRange.prefix("a").toExclusive()).isEqualTo("b".getBytes(UTF_8));
    }

    @Test
    void successorOfMultiByteCharactersWorksOnBytes() {
        // "é" is C3 A9: the successor is C3 AA, whatever that decodes to.
        assertThat(KeyRange.prefix("/é").toExclusive()).containsExactly('/', 0xC3, 0xAA);
        assertThat(KeyRange.successor(new byte[] {'a', (byte) 0xFF, (byte) 0xFF})).containsExactly('b');
    }

    @Test
    void theEmptyPrefixEndsAfterEveryKey() {
        assertThat(KeyRange.prefix("").toExclusive()).containsExactly(0xFF);
    }

    @Test
    void aStartKeyOnlyMovesTheLowerBoundForward() {
        assertThat(KeyRange.prefix("/p/", "/p/m").from()).isEqualTo("/p/m");
        assertThat(KeyRange.prefix("/p/", "/a").from()).isEqualTo("/p/");
        assertThat(KeyRange.prefix("/p/", null).from()).isEqualTo("/p/");
    }

    @Test
    void compareIsUtf8ByteOrderNotUtf16Order() {
        // U+FF5E sorts before U+1F600 in UTF-8 (EF.. < F0..) but after it in UTF-16 (FF5E > D83D).
        assertThat(KeyRange.compare("\uFF5E", "\uD83D\uDE00")).isNegative();
        assertThat("\uFF5E".compareTo("\uD83D\uDE00")).isPositive();
    }
}
