package io.dlkit.plugins.face;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.face.detect.FaceBox;
import io.dlkit.plugins.face.detect.SsdDecoder;
import io.dlkit.plugins.face.detect.TinyYoloDecoder;
import io.dlkit.plugins.face.landmarks.Landmarks68;
import java.util.ArrayList;
import java.util.List;

/**
 * face-api's {@code detectAllFaces(img, SsdMobilenetv1Options).withFaceLandmarks()
 * .withFaceDescriptors()} on one TensorFlow graph: SSD detection, 68 landmarks in each detection's
 * crop, the dlib-style aligned crop, and its 128-d descriptor. The nets are built on first use.
 */
public final class FaceAnalyzer implements AutoCloseable {
    /** face-api's default {@code minConfidence}. */
    public static final double MIN_CONFIDENCE = 0.5;

    /** face-api's default {@code maxResults}. */
    public static final int MAX_RESULTS = 100;

    private final ModelFolder models;
    private final GraphContext graph;
    private SsdMobileNetV1 detector;
    private TinyFaceDetector tiny;
    private int tinySize;
    private FaceLandmarkNet landmarkNet;
    private FaceRecognitionNet recognizer;

    /** A face analyser over the models in {@code models}, with {@code threads} CPU threads. */
    public FaceAnalyzer(ModelFolder models, int threads) {
        this(models, GraphContext.create(DeviceRequest.CPU, threads, 0));
    }

    /** A face analyser building its nets on {@code graph}, which it closes. */
    public FaceAnalyzer(ModelFolder models, GraphContext graph) {
        this.models = models;
        this.graph = graph;
    }

    /**
     * Detects with face-api's tiny face detector at {@code inputSize} (a multiple of 32) instead of
     * the SSD from now on.
     */
    public FaceAnalyzer useTinyDetector(int inputSize) {
        if (inputSize < 32 || inputSize % 32 != 0) {
            throw new IllegalArgumentException(
                    "the tiny face detector's input size must be a multiple of 32, got "
                            + inputSize);
        }
        this.tinySize = inputSize;
        return this;
    }

    /**
     * The faces the detector (the SSD unless {@link #useTinyDetector}) finds with a score above
     * {@code minConfidence}, best first.
     */
    public List<FaceBox> detect(FaceImage image, double minConfidence) {
        if (tinySize > 0) {
            if (tiny == null || tiny.inputSize() != tinySize) {
                tiny = TinyFaceDetector.create(graph, models.load(ModelFolder.TINY), tinySize);
            }
            float[] out = tiny.run(image.padToSquare(false));
            return TinyYoloDecoder.faces(
                    out, tinySize, image.width(), image.height(), minConfidence);
        }
        if (detector == null) {
            detector = SsdMobileNetV1.create(graph, models.load(ModelFolder.SSD));
        }
        SsdMobileNetV1.Raw raw = detector.run(image.padToSquare(false));
        return SsdDecoder.faces(raw, image.width(), image.height(), minConfidence, MAX_RESULTS);
    }

    /** The 68 landmarks of the face in {@code box}. */
    public Landmarks68 landmarks(FaceImage image, FaceBox box) {
        if (landmarkNet == null) {
            landmarkNet = FaceLandmarkNet.create(graph, models.load(ModelFolder.LANDMARKS));
        }
        int[] c = box.clipped(image.width(), image.height());
        float[] rel = landmarkNet.locate(image.crop(c[0], c[1], c[2], c[3]));
        return Landmarks68.fromRelative(rel, c[2], c[3], box);
    }

    /** The descriptor of the face aligned by {@code landmarks}. */
    public float[] descriptor(FaceImage image, Landmarks68 landmarks) {
        return descriptor(image, alignedCrop(landmarks, image.width(), image.height()));
    }

    /** The descriptor of the whole-pixel box {@code {x, y, w, h}} (already inside the image). */
    public float[] descriptor(FaceImage image, int[] box) {
        if (recognizer == null) {
            recognizer = FaceRecognitionNet.create(graph, models.load(ModelFolder.RECOGNITION));
        }
        return recognizer.describe(image.crop(box[0], box[1], box[2], box[3]));
    }

    /** Detection, landmarks and descriptor of every face, best score first. */
    public List<Face> analyze(FaceImage image, double minConfidence) {
        List<Face> faces = new ArrayList<>();
        for (FaceBox box : detect(image, minConfidence)) {
            Landmarks68 points = landmarks(image, box);
            int[] aligned = alignedCrop(points, image.width(), image.height());
            faces.add(new Face(box, points, aligned, descriptor(image, aligned)));
        }
        return faces;
    }

    /** The aligned box clipped to the image and floored, as face-api cuts it out. */
    public static int[] alignedCrop(Landmarks68 points, int width, int height) {
        int[] a = points.alignedBox();
        return new FaceBox(a[0], a[1], a[2], a[3], 0).clipped(width, height);
    }

    /**
     * The aligned crop of the best-scoring face (face-api's cut, before the recogniser's resize),
     * or null when no face scores {@code minConfidence}.
     */
    public FaceImage alignedFace(FaceImage image, double minConfidence) {
        List<FaceBox> boxes = detect(image, minConfidence);
        if (boxes.isEmpty()) return null;
        int[] a = alignedCrop(landmarks(image, boxes.get(0)), image.width(), image.height());
        return image.crop(a[0], a[1], a[2], a[3]);
    }

    /**
     * The aligned crops of every face scoring {@code minConfidence}, best first, each widened by
     * {@code margin} times its side on every side (within the image): 0 is face-api's own cut.
     */
    public List<FaceImage> alignedFaces(FaceImage image, double minConfidence, double margin) {
        List<FaceImage> out = new ArrayList<>();
        for (FaceBox box : detect(image, minConfidence)) {
            int[] a = landmarks(image, box).alignedBox();
            double mx = a[2] * margin;
            double my = a[3] * margin;
            FaceBox wide = new FaceBox(a[0] - mx, a[1] - my, a[2] + 2 * mx, a[3] + 2 * my, 0);
            int[] c = wide.clipped(image.width(), image.height());
            out.add(image.crop(c[0], c[1], c[2], c[3]));
        }
        return out;
    }

    /** The graph's device line. */
    public String header() {
        return graph.header();
    }

    @Override
    public void close() {
        graph.close();
    }
}
