package io.dlkit.testkit;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.backend.nn.Layers;
import io.dlkit.backend.train.LossKind;
import io.dlkit.backend.train.Objective;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The layer and objective contracts hold for dlkit's own layer types and losses. */
class BuiltInContractsTest {
    @Nested
    class DenseTanh implements LayerContract {
        @Override
        public LayerType layerType() {
            return Layers.all().get("dense");
        }

        @Override
        public Map<String, Object> config() {
            return Map.of("type", "dense", "units", 3, "activation", "tanh");
        }

        @Override
        public long[] inputShape() {
            return new long[] {4};
        }
    }

    @Nested
    class Conv2D implements LayerContract {
        @Override
        public LayerType layerType() {
            return Layers.all().get("conv2d");
        }

        @Override
        public Map<String, Object> config() {
            return Map.of("type", "conv2d", "filters", 2, "kernel_size", 3, "activation", "linear");
        }

        @Override
        public long[] inputShape() {
            return new long[] {5, 5, 2};
        }
    }

    @Nested
    class UpSampling2D implements LayerContract {
        @Override
        public LayerType layerType() {
            return Layers.all().get("up_sampling2d");
        }

        @Override
        public Map<String, Object> config() {
            return Map.of("type", "up_sampling2d", "size", 2);
        }

        @Override
        public long[] inputShape() {
            return new long[] {2, 3, 2};
        }

        @Override
        public boolean countsFlops() {
            return false;
        }
    }

    @Nested
    class SpaceToDepth implements LayerContract {
        @Override
        public LayerType layerType() {
            return Layers.all().get("space_to_depth");
        }

        @Override
        public Map<String, Object> config() {
            return Map.of("type", "space_to_depth", "block_size", 2);
        }

        @Override
        public long[] inputShape() {
            return new long[] {4, 2, 3};
        }

        @Override
        public boolean countsFlops() {
            return false;
        }
    }

    @Nested
    class CategoricalCrossEntropy implements ObjectiveContract {
        @Override
        public Objective objective() {
            return LossKind.CATEGORICAL_CROSSENTROPY;
        }

        @Override
        public int outputWidth() {
            return 3;
        }
    }

    @Nested
    class BinaryCrossEntropy implements ObjectiveContract {
        @Override
        public Objective objective() {
            return LossKind.BINARY_CROSSENTROPY;
        }

        @Override
        public int outputWidth() {
            return 1;
        }
    }

    @Nested
    class MeanSquaredError implements ObjectiveContract {
        @Override
        public Objective objective() {
            return LossKind.MSE;
        }

        @Override
        public int outputWidth() {
            return 2;
        }
    }
}
