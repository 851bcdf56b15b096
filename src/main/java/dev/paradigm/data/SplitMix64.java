package dev.paradigm.data;

/**
 * SplitMix64 (Steele, Lea and Flood 2014; the reference is Vigna's {@code splitmix64.c}): a 64-bit
 * state advanced by a fixed odd constant and passed through a mixing function. Chosen because it is
 * tiny, fully specified and easy to reproduce in any language, so the data order can be checked
 * outside Java (see the Python reference beside the tests).
 */
final class SplitMix64 {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    long next() {
        state += GAMMA;
        return mix64(state);
    }

    /**
     * A value in {@code [0, bound)}: the next output reduced modulo {@code bound} (as unsigned). The
     * modulo bias is below {@code bound / 2^64}, under 10^-10 for any array Java can index.
     */
    int nextBelow(int bound) {
        return (int) Long.remainderUnsigned(next(), bound);
    }

    /** SplitMix64's output function, a bijection on 64-bit values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
