package io.kava.store.sqlite;

import io.kava.store.WriteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link SqliteCrashTest}: writes sequential keys from several threads until killed, printing
 * {@code ack <revision> <key>} for every write that returned. A printed ack is a promise the parent checks.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {
    }

    /** The value written for {@code key}: long enough to span pages now and then, and checkable. */
    static byte[] valueFor(String key) {
        StringBuilder value = new StringBuilder();
        while (value.length() < 300 + Math.floorMod(key.hashCode(), 3000)) {
            value.append(key).append('|');
        }
        return value.append("end").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        SqliteStore store = SqliteStore.open(file, SqliteOptions.defaults());
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            writers.add(Thread.ofPlatform().name("crash-writer-" + t).start(() -> {
                for (int i = 0; ; i++) {
                    String key = String.format("/crash/t%02d/%08d", id, i);
                    WriteResult result = store.create(key, valueFor(key), 0);
                    if (!(result instanceof WriteResult.Ok ok)) {
                        System.out.println("conflict " + key);
                        System.exit(3);
                        return;
                    }
                    synchronized (System.out) {
                        System.out.println("ack " + ok.revision() + " " + key);
                        System.out.flush();
                    }
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }
}
