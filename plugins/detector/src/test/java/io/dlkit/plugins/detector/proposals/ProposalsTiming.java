package io.dlkit.plugins.detector.proposals;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Prints the CPU time of segmentation and selective search on an image given as the argument (for
 * example ../shared/data/images/dog.jpg), not a test: run it by hand.
 */
public final class ProposalsTiming {
    private ProposalsTiming() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Image img = Images.read(Path.of(args[0]), 3);
        GraphSegmentation seg = new GraphSegmentation(300.0 / 255, 50);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long t0 = bean.getCurrentThreadCpuTime();
            int segments = seg.segment(img).count();
            long t1 = bean.getCurrentThreadCpuTime();
            int proposals = new SelectiveSearch(seg).propose(img).size();
            long t2 = bean.getCurrentThreadCpuTime();
            System.out.printf(
                    "%s: %d segments in %.0f ms CPU; selective search %d proposals in %.0f ms CPU%n",
                    img, segments, (t1 - t0) / 1e6, proposals, (t2 - t1) / 1e6);
        }
    }
}
