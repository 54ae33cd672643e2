package io.kava.bench;

import java.util.Arrays;

/** Collects latency samples (nanoseconds) from many threads and reports percentiles. */
public final class Latencies {

    private final long[] samples;
    private int count;

    public Latencies(int capacity) {
        samples = new long[capacity];
    }

    public synchronized void add(long nanos) {
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    /** The p-th percentile in milliseconds (p in 0..100). */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
        return sorted[index] / 1e6;
    }

    public synchronized int count() {
        return count;
    }
}
