package dev.paradigm.bench;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Dense peak FLOP/s of the accelerators whose figure is known, and model FLOP utilisation against it.
 *
 * <p>Figures are NVIDIA's data-sheet numbers for dense (not 2:4 sparse) math, in TFLOP/s: H100 SXM and H200 989 bf16
 * tensor-core, 494.7 TF32 tensor-core, 67 float32 (no tensor cores); H100 PCIe 756, 378 and 51. A float32 run is
 * measured against the TF32 figure when its matmuls may use TF32, else against plain float32. Anything else (NVL
 * variants and CPUs included) has no known peak, and its utilisation is reported as unknown rather than guessed.
 */
public final class PeakFlops {
    static final double H100_SXM_BF16 = 989e12;
    static final double H100_PCIE_BF16 = 756e12;
    static final double H100_SXM_TF32 = 494.7e12;
    static final double H100_PCIE_TF32 = 378e12;
    static final double H100_SXM_FP32 = 67e12;
    static final double H100_PCIE_FP32 = 51e12;

    private PeakFlops() {}

    /**
     * The dense peak for {@code deviceName} (as {@code torch.cuda.get_device_name} prints it, e.g. "NVIDIA H100 80GB
     * HBM3") computing in {@code dtype} ("bfloat16" or "float32", with float32 matmuls in TF32 when {@code tf32});
     * empty when unknown.
     */
    public static OptionalDouble of(String deviceName, String dtype, boolean tf32) {
        if (deviceName == null) {
            return OptionalDouble.empty();
        }
        String name = deviceName.toUpperCase(Locale.ROOT);
        if (name.contains("NVL")) { // the NVL parts run at lower clocks; their figure is not the SXM one
            return OptionalDouble.empty();
        }
        boolean sxm = name.contains("H200") || (name.contains("H100") && (name.contains("SXM") || name.contains("HBM3")));
        boolean pcie = name.contains("H100") && name.contains("PCIE"); // the SXM part reports itself as "H100 80GB HBM3"
        if (!sxm && !pcie) {
            return OptionalDouble.empty();
        }
        return switch (dtype) {
            case "bfloat16" -> OptionalDouble.of(sxm ? H100_SXM_BF16 : H100_PCIE_BF16);
            case "float32" -> OptionalDouble.of(tf32 ? (sxm ? H100_SXM_TF32 : H100_PCIE_TF32)
                    : (sxm ? H100_SXM_FP32 : H100_PCIE_FP32));
            default -> OptionalDouble.empty();
        };
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
