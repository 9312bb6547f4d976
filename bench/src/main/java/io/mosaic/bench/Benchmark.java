package io.mosaic.bench;

/**
 * One comparison of a platform path with a hand-written baseline doing the same work, both measured
 * in the same run after a warm-up.
 */
public interface Benchmark {

    /** The name {@code bench/run} takes, e.g. {@code definition-validate}. */
    String name();

    /** Measures both sides; {@code quick} asks for sizes that finish in a minute or two. */
    Result run(boolean quick) throws Exception;
}
