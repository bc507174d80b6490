package io.dlkit.backend.tfjs;

import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/** Shape helpers for {@link KerasLayers}: padding specs and batch-preserving reshapes. */
final class KerasShapes {
    private KerasShapes() {}

    /** ZeroPadding2D's {@code padding} (n, [h, w] or [[t, b], [l, r]]) as {t, b, l, r}. */
    static int[] padding(Object p) {
        if (p instanceof Number n)
            return new int[] {n.intValue(), n.intValue(), n.intValue(), n.intValue()};
        List<?> l = (List<?>) p;
        if (l.get(0) instanceof Number h) {
            int w = ((Number) l.get(1)).intValue();
            return new int[] {h.intValue(), h.intValue(), w, w};
        }
        List<?> hh = (List<?>) l.get(0);
        List<?> ww = (List<?>) l.get(1);
        return new int[] {num(hh.get(0)), num(hh.get(1)), num(ww.get(0)), num(ww.get(1))};
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }

    /** {@code name} = reshape(x, [batch(x), target...]) with the batch size read at run time. */
    static void reshapeToBatch(NodeWriter w, String name, String x, int[] target) {
        String shape =
                w.add(
                        NodeDef.newBuilder()
                                .setName(name + "/shape")
                                .setOp("Shape")
                                .addInput(x)
                                .putAttr("T", NodeWriter.type(DataType.DT_FLOAT))
                                .putAttr("out_type", NodeWriter.type(DataType.DT_INT32)));
        String begin = w.ints(name + "/begin", new int[] {0}, 1);
        String end = w.ints(name + "/end", new int[] {1}, 1);
        String stride = w.ints(name + "/stride", new int[] {1}, 1);
        String batch =
                w.add(
                        NodeDef.newBuilder()
                                .setName(name + "/batch")
                                .setOp("StridedSlice")
                                .addInput(shape)
                                .addInput(begin)
                                .addInput(end)
                                .addInput(stride)
                                .putAttr("T", NodeWriter.type(DataType.DT_INT32))
                                .putAttr("Index", NodeWriter.type(DataType.DT_INT32))
                                .putAttr(
                                        "shrink_axis_mask",
                                        AttrValue.newBuilder().setI(1).build()));
        NodeDef.Builder pack =
                NodeDef.newBuilder()
                        .setName(name + "/target")
                        .setOp("Pack")
                        .addInput(batch)
                        .putAttr("T", NodeWriter.type(DataType.DT_INT32))
                        .putAttr("N", AttrValue.newBuilder().setI(1 + target.length).build());
        for (int i = 0; i < target.length; i++) {
            pack.addInput(w.ints(name + "/dim" + i, new int[] {target[i]}));
        }
        String packed = w.add(pack);
        w.add(
                w.op(name, "Reshape", x, packed)
                        .putAttr("Tshape", NodeWriter.type(DataType.DT_INT32)));
    }
}
