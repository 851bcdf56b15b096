package dev.paradigm.engine;

import jep.NDArray;

/** Token id matrices (rows of equal length) to and from the NumPy arrays that cross into Python. */
public final class TokenArrays {
    private TokenArrays() {}

    /** An int32 n×L array holding {@code rows} (copied: Python may keep it). */
    public static NDArray<int[]> of(int[][] rows) {
        int n = rows.length;
        int length = n == 0 ? 0 : rows[0].length;
        int[] flat = new int[n * length];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != length) {
                throw new IllegalArgumentException("Token rows must have equal lengths; row 0 has " + length + ", row " + i
                        + " has " + rows[i].length + ".");
            }
            System.arraycopy(rows[i], 0, flat, i * length, length);
        }
        return new NDArray<>(flat, n, length);
    }

    /** The rows of a 2-D int32 array returned by Python. */
    public static int[][] rows(NDArray<?> array) {
        int[] dims = array.getDimensions();
        int[] flat = (int[]) array.getData();
        int[][] out = new int[dims[0]][dims[1]];
        for (int i = 0; i < dims[0]; i++) {
            System.arraycopy(flat, i * dims[1], out[i], 0, dims[1]);
        }
        return out;
    }
}
