package com.example.dlkit.stats;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npy;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Computes min, max, mean and standard deviation of an array in a TensorFlow graph. */
final class TensorStats {
    private TensorStats() {}

    /** Reads a .npy file or an image (values in [0, 1]) as a flat float array with its shape. */
    static NdArray read(Path file) throws IOException {
        if (file.toString().endsWith(".npy")) {
            return Npy.read(file);
        }
        Image img = Images.read(file);
        return NdArray.of(img.data(), img.height(), img.width(), img.channels());
    }

    /** The statistics, computed by TensorFlow on the graph's device. */
    static Map<String, Object> compute(GraphContext g, NdArray array) {
        Ops tf = g.tf();
        float[] values = array.floats();
        Operand<TFloat32> x = tf.placeholder(TFloat32.class);
        Operand<TFloat32> all = tf.reshape(x, tf.constant(new int[] {-1}));
        Operand<TFloat32> mean = tf.math.mean(all, tf.constant(0));
        Operand<TFloat32> var = tf.math.mean(tf.math.squaredDifference(all, mean), tf.constant(0));
        try (TFloat32 in = Tensors.floats(values, values.length);
                Result r = g.session().runner().feed(x, in)
                        .fetch(tf.max(all, tf.constant(0))).fetch(tf.min(all, tf.constant(0)))
                        .fetch(mean).fetch(tf.math.sqrt(var)).run()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("shape", array.shape());
            out.put("count", values.length);
            out.put("min", Tensors.toFloat(r.get(1)));
            out.put("max", Tensors.toFloat(r.get(0)));
            out.put("mean", Tensors.toFloat(r.get(2)));
            out.put("std", Tensors.toFloat(r.get(3)));
            return out;
        }
    }
}
