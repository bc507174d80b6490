package io.dlkit.backend.nn;

import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.RawTensor;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;

/**
 * Reads the training flag layers are called with: a placeholder in a training graph, the constant
 * {@code false} in an evaluation-only graph (eval, predict, bench infer). Layers may build a
 * cheaper, inference-only form when the flag is that constant, since it can never switch.
 */
final class TrainingFlag {
    private TrainingFlag() {}

    /** Whether {@code training} is a {@code Const} op holding {@code false}. */
    static boolean isConstantFalse(Operand<TBool> training) {
        if (!(training.op() instanceof GraphOperation op) || !op.type().equals("Const")) {
            return false;
        }
        try (RawTensor value = op.attributes().getAttrTensor("value").asRawTensor()) {
            return value.dataType() == DataType.DT_BOOL
                    && value.shape().numDimensions() == 0
                    && value.data().getByte(0) == 0;
        }
    }
}
