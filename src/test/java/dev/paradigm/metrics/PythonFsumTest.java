package dev.paradigm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cases from CPython's own test_math.testFsum and the math.fsum documentation. */
class PythonFsumTest {
    @Test
    void sumsTenTenthsToExactlyOne() {
        // math.fsum([.1] * 10) == 1.0, while a plain sum gives 0.9999999999999999
        assertEquals(1.0, PythonFsum.fsum(.1, .1, .1, .1, .1, .1, .1, .1, .1, .1));
    }

    @Test
    void cancelsHugeTermsExactly() {
        // test_math: fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) == 1e-100
        assertEquals(1e-100, PythonFsum.fsum(1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50));
    }

    @Test
    void roundsHalfWayAcrossPartials() {
        // math.fsum([1e-16, 1., 1e16]) == 1.0000000000000002e+16 (the 1e-16 breaks the tie upwards)
        assertEquals(1.0000000000000002e16, PythonFsum.fsum(1e-16, 1.0, 1e16));
        assertEquals(0.0, PythonFsum.fsum());
    }
}
