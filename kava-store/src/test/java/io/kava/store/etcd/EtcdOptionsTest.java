package io.kava.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EtcdOptionsTest {

    @Test
    void defaults() {
        EtcdOptions options = EtcdOptions.of("http://127.0.0.1:2379");
        assertThat(options.endpoints()).containsExactly(URI.create("http://127.0.0.1:2379"));
        assertThat(options.namespace()).isEmpty();
        assertThat(options.retry()).isEqualTo(EtcdOptions.Retry.DEFAULT);
        assertThat(options.requestTimeout()).isEqualTo(EtcdOptions.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void parsesDatastoreAddresses() {
        EtcdOptions one = EtcdOptions.parse("etcd://10.0.0.1:2379");
        assertThat(one.endpoints()).containsExactly(URI.create("http://10.0.0.1:2379"));
        assertThat(one.namespace()).isEmpty();

        EtcdOptions three = EtcdOptions.parse("etcd://a:2379,b:2379,c:2379/kava-a");
        assertThat(three.endpoints()).extracting(URI::getHost).containsExactly("a", "b", "c");
        assertThat(three.namespace()).isEqualTo("/kava-a");
        assertThat(EtcdOptions.parse("etcd://a:1/").namespace()).isEmpty();
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> EtcdOptions.parse("http://a:2379")).hasMessageContaining("etcd://");
        assertThatThrownBy(() -> EtcdOptions.parse("etcd:///ns")).hasMessageContaining("no member");
        assertThatThrownBy(() -> EtcdOptions.of("https://a:2379")).hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> EtcdOptions.of("http://a")).hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> EtcdOptions.of()).hasMessageContaining("at least one");
        assertThatThrownBy(() -> EtcdOptions.of("http://a:1").withRequestTimeout(Duration.ZERO))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> new EtcdOptions.Retry(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new EtcdOptions.Retry(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        EtcdOptions.Retry retry = new EtcdOptions.Retry(10, Duration.ofMillis(100), Duration.ofMillis(700));
        assertThat(retry.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(retry.backoff(4)).isEqualTo(Duration.ofMillis(700));
        assertThat(retry.backoff(60)).isEqualTo(Duration.ofMillis(700));
    }
}
