package io.dlkit.plugins.detector.yolo;

import io.dlkit.plugins.detector.boxes.NmsOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Prints the time of decode + NMS + mapping for one 13x13x5x85 output (YOLOv2 at 416, COCO
 * anchors), not a test: run it by hand ({@code java -cp target/classes:target/test-classes:...}).
 * Three outputs: a typical one (objectness logits around -6, a few candidate boxes), every
 * objectness high with flat class logits (every box runs the softmax, none passes), and every
 * objectness high with one class standing out (every box passes and enters NMS: the worst case).
 */
public final class DecodeNmsTiming {
    private DecodeNmsTiming() {}

    /** Entry point. */
    public static void main(String[] args) {
        float[] anchors = {
            0.57273f, 0.677385f, 1.87446f, 2.06253f, 3.33843f, 5.47434f, 7.88282f, 3.52778f,
            9.77052f, 9.16828f
        };
        YoloPostprocessor post =
                new YoloPostprocessor(new YoloDecoder(13, 13, anchors, 80), NmsOptions.DEFAULTS);
        ImageMapping mapping = ImageMapping.letterbox(640, 480, 416, 416);
        report("typical", post, mapping, output(-6f, 2f, 8f));
        report("all objects, flat classes", post, mapping, output(4f, 0.1f, 0f));
        report("all objects, one class each", post, mapping, output(4f, 0.1f, 8f));
    }

    private static void report(
            String name, YoloPostprocessor post, ImageMapping mapping, float[] out) {
        int kept = 0;
        for (int i = 0; i < 20_000; i++) { // warm up the JIT
            kept = post.detect(out, mapping).size();
        }
        int runs = 20_000;
        // CPU time of this thread: the machine is shared, wall time would count other work
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long start = bean.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            kept += post.detect(out, mapping).size();
        }
        double micros = (bean.getCurrentThreadCpuTime() - start) / 1e3 / runs;
        double wall = (System.nanoTime() - wallStart) / 1e3 / runs;
        System.out.printf(
                "%s: %.1f us CPU (%.1f us wall) per output, %d boxes kept%n",
                name, micros, wall, post.detect(out, mapping).size());
    }

    private static float[] output(float objectnessMean, float objectnessSpread, float boost) {
        Random r = new Random(7);
        float[] t = new float[13 * 13 * 5 * 85];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) r.nextGaussian();
        }
        for (int i = 4; i < t.length; i += 85) {
            t[i] = objectnessMean + objectnessSpread * (float) r.nextGaussian();
            t[i + 1 + r.nextInt(80)] += boost; // one class stands out
        }
        return t;
    }
}
