package dev.paradigm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PeakFlopsTest {

    @Test
    void knownAcceleratorsInBf16() {
        assertEquals(989e12, PeakFlops.of("NVIDIA H100 80GB HBM3", "bfloat16", false).getAsDouble()); // the SXM part's name
        assertEquals(989e12, PeakFlops.of("NVIDIA H100 SXM5 80GB", "bfloat16", false).getAsDouble());
        assertEquals(989e12, PeakFlops.of("NVIDIA H200", "bfloat16", true).getAsDouble());
        assertEquals(756e12, PeakFlops.of("NVIDIA H100 PCIe", "bfloat16", false).getAsDouble());
    }

    @Test
    void float32IsMeasuredAgainstTf32TensorCoresOnlyWhenItsMatmulsMayUseThem() {
        assertEquals(67e12, PeakFlops.of("NVIDIA H200", "float32", false).getAsDouble());
        assertEquals(494.7e12, PeakFlops.of("NVIDIA H200", "float32", true).getAsDouble());
        assertEquals(67e12, PeakFlops.of("NVIDIA H100 80GB HBM3", "float32", false).getAsDouble());
        assertEquals(51e12, PeakFlops.of("NVIDIA H100 PCIe", "float32", false).getAsDouble());
        assertEquals(378e12, PeakFlops.of("NVIDIA H100 PCIe", "float32", true).getAsDouble());
    }

    @Test
    void unknownDevicesAndOtherDtypesHaveNoPeak() {
        assertTrue(PeakFlops.of("NVIDIA H100 NVL", "bfloat16", false).isEmpty());
        assertTrue(PeakFlops.of("NVIDIA H200 NVL", "float32", false).isEmpty());
        assertTrue(PeakFlops.of("NVIDIA A100-SXM4-80GB", "bfloat16", false).isEmpty());
        assertTrue(PeakFlops.of("NVIDIA H100 80GB HBM3", "float16", false).isEmpty());
        assertTrue(PeakFlops.of(null, "float32", false).isEmpty()); // a CPU run
    }

    @Test
    void utilisationIsModelFlopsOverPeak() {
        // 7e8 FLOPs/token x 5e5 tokens/s = 3.5e14 FLOP/s; / 9.89e14 = 350/989
        assertEquals(350.0 / 989.0, PeakFlops.utilisation(7e8, 5e5, OptionalDouble.of(989e12)).getAsDouble(), 1e-15);
        // 2.06016e5 x 1e4 = 2.06016e9 over a 1e12 peak: 0.00206016
        assertEquals(0.00206016, PeakFlops.utilisation(206016, 1e4, OptionalDouble.of(1e12)).getAsDouble(), 1e-15);
        assertTrue(PeakFlops.utilisation(7e8, 5e5, OptionalDouble.empty()).isEmpty());
    }

    @Test
    void nonsenseInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PeakFlops.utilisation(0, 5e5, OptionalDouble.of(1e12)));
        assertThrows(IllegalArgumentException.class, () -> PeakFlops.utilisation(1e6, -1, OptionalDouble.of(1e12)));
        assertThrows(IllegalArgumentException.class, () -> PeakFlops.utilisation(1e6, Double.NaN, OptionalDouble.of(1e12)));
    }
}
