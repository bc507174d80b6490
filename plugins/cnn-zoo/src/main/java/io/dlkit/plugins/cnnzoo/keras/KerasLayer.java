package io.dlkit.plugins.cnnzoo.keras;

/**
 * One Keras layer with weights, as a file stores it: its name ({@code block1_conv1}, the key of a
 * Keras 2 file) and its class path ({@code conv2d_3}, the key of a Keras 3 file, which numbers the
 * layers of each class in model order instead of naming them).
 *
 * @param name the Keras layer name
 * @param kind what its weights are
 * @param classPath {@code <snake_case class>} for the first layer of its class, then {@code _1},
 *     {@code _2}, ...
 */
record KerasLayer(String name, Kind kind, String classPath) {
    /** The Keras layer classes that have weights, with their Keras 3 snake-case names. */
    enum Kind {
        /** {@code Conv2D}: kernel {@code [f_h, f_w, n_C, n_f]} (HWIO), then bias if used. */
        CONV2D("conv2d"),
        /** {@code Dense}: kernel {@code [in, out]}, then bias if used. */
        DENSE("dense"),
        /** {@code BatchNormalization}: gamma, beta, moving mean, moving variance. */
        BATCH_NORMALIZATION("batch_normalization");

        private final String snakeCase;

        Kind(String snakeCase) {
            this.snakeCase = snakeCase;
        }

        /** The class name as Keras 3's saving library writes it. */
        String snakeCase() {
            return snakeCase;
        }
    }
}
