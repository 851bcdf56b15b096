package dev.paradigm.bench;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Dense peak FLOP/s of the accelerators whose figure is known, and model FLOP utilisation against it.
 *
 * <p>Figures are NVIDIA's data-sheet numbers for dense (not 2:4 sparse) bf16 tensor-core math: H100 SXM and H200
 * 989 TFLOP/s, H100 PCIe 756 TFLOP/s. Anything else (NVL variants and CPUs included) has no known peak, and its utilisation is
 * reported as unknown rather than guessed.
 */
public final class PeakFlops {
    static final double H100_SXM_BF16 = 989e12;
    static final double H100_PCIE_BF16 = 756e12;

    private PeakFlops() {}

    /**
     * The dense peak for {@code deviceName} (as {@code torch.cuda.get_device_name} prints it, e.g. "NVIDIA H100 80GB
     * HBM3") computing in {@code dtype}; empty when unknown.
     */
    public static OptionalDouble of(String deviceName, String dtype) {
        if (deviceName == null || !"bfloat16".equals(dtype)) {
            return OptionalDouble.empty();
        }
        String name = deviceName.toUpperCase(Locale.ROOT);
        if (name.contains("NVL")) { // the NVL parts run at lower clocks; their figure is not the SXM one
            return OptionalDouble.empty();
        }
        if (name.contains("H200")) {
            return OptionalDouble.of(H100_SXM_BF16);
        }
        if (name.contains("H100")) {
            if (name.contains("PCIE")) {
                return OptionalDouble.of(H100_PCIE_BF16);
            }
            if (name.contains("SXM") || name.contains("HBM3")) { // the SXM part reports itself as "H100 80GB HBM3"
                return OptionalDouble.of(H100_SXM_BF16);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Model FLOP utilisation: the FLOP/s the model's arithmetic needs at this throughput, as a share of the peak
     * ({@code flopsPerToken × tokensPerSecond / peak}); empty when the peak is unknown.
     */
    public static OptionalDouble utilisation(double flopsPerToken, double tokensPerSecond, OptionalDouble peak) {
        if (peak.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!(flopsPerToken > 0) || !(tokensPerSecond >= 0) || !(peak.getAsDouble() > 0)) {
            throw new IllegalArgumentException("Model FLOP utilisation needs FLOPs per token > 0, tokens/s >= 0 and a "
                    + "peak > 0; got " + flopsPerToken + ", " + tokensPerSecond + ", " + peak.getAsDouble() + ".");
        }
        return OptionalDouble.of(flopsPerToken * tokensPerSecond / peak.getAsDouble());
    }
}
