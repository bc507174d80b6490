package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * An in-memory labelled data set of {@code m} samples: the features of all samples in one flat,
 * row-major {@code float[]} (sample {@code i} occupies {@code [i*featureSize, (i+1)*featureSize)})
 * with a per-sample shape such as {@code [784]} or {@code [28, 28, 1]}, and either integer class
 * ids {@code 0..numClasses-1} (classification) or float targets with their own per-sample shape
 * (regression).
 *
 * <p>Immutable by convention: the factories take ownership of the arrays they are given (no copy,
 * so do not change them afterwards), accessors return copies, and every transformation ({@link
 * #subset}, {@link #split}, {@link #scaled}, {@link #normalized(FeatureStats)}) returns a new data
 * set. Batches for training are copied out with {@link MiniBatches}, which reads the backing arrays
 * directly.
 *
 * <p>Pixel scaling: the loaders scale where the file format says the values are 8-bit pixels (IDX
 * files, image folders and {@code uint8} arrays in {@code .npz} archives become {@code value / 255}
 * in [0, 1]); CSV values and float arrays are kept as they are. Use {@link #scaled(float)} or
 * {@link #normalized(FeatureStats)} for anything else.
 *
 * <pre>{@code
 * Dataset all = Datasets.load(Path.of("fashion-mnist"));          // 60000 x (28, 28, 1), 10 classes
 * Dataset.Split s = all.split(0.1);                               // last 6000 for validation
 * FeatureStats stats = s.train().featureStats();
 * Dataset train = s.train().normalized(stats), val = s.validation().normalized(stats);
 * }</pre>
 */
public final class Dataset {
    private final float[] features;
    private final long[] featureShape;
    private final int featureSize;
    private final int[] labels;
    private final int numClasses;
    private final float[] targets;
    private final long[] targetShape;
    private final int targetSize;
    private final int size;

    /** A training set split in two: the first samples for training, the last for validation. */
    public record Split(Dataset train, Dataset validation) {}

    private Dataset(
            float[] features,
            long[] featureShape,
            int size,
            int[] labels,
            int numClasses,
            float[] targets,
            long[] targetShape) {
        this.features = features;
        this.featureShape = featureShape.clone();
        this.featureSize = sizeOf(featureShape, "featureShape");
        this.size = size;
        this.labels = labels;
        this.numClasses = numClasses;
        this.targets = targets;
        this.targetShape = targetShape == null ? null : targetShape.clone();
        this.targetSize = targetShape == null ? 1 : sizeOf(targetShape, "targetShape");
        if ((long) size * featureSize != features.length) {
            throw new IllegalArgumentException(
                    features.length
                            + " feature values do not make "
                            + size
                            + " samples of shape "
                            + Shapes.toString(featureShape));
        }
    }

    /**
     * A classification data set.
     *
     * @param features {@code labels.length * product(featureShape)} values, sample by sample
     * @param labels the class id of each sample, each in {@code 0..numClasses-1}
     * @param numClasses the number of classes, at least 1
     * @param featureShape the shape of one sample, for example {@code 28, 28, 1}
     * @throws IllegalArgumentException if the sizes disagree or a label is out of range
     */
    public static Dataset ofClasses(
            float[] features, int[] labels, int numClasses, long... featureShape) {
        requireNonNull(features, "features is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(featureShape, "featureShape is null");
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "labels["
                                + i
                                + "] is "
                                + labels[i]
                                + "; class labels must be in 0.."
                                + (numClasses - 1));
            }
        }
        return new Dataset(features, featureShape, labels.length, labels, numClasses, null, null);
    }

    /**
     * A regression data set with float targets.
     *
     * @param features {@code m * product(featureShape)} values, sample by sample
     * @param featureShape the shape of one sample's features
     * @param targets {@code m * product(targetShape)} values, sample by sample
     * @param targetShape the shape of one sample's target, for example {@code 1}
     * @throws IllegalArgumentException if the sizes disagree
     */
    public static Dataset ofTargets(
            float[] features, long[] featureShape, float[] targets, long... targetShape) {
        requireNonNull(features, "features is null");
        requireNonNull(featureShape, "featureShape is null");
        requireNonNull(targets, "targets is null");
        requireNonNull(targetShape, "targetShape is null");
        int perSample = sizeOf(targetShape, "targetShape");
        if (perSample == 0 || targets.length % perSample != 0) {
            throw new IllegalArgumentException(
                    targets.length
                            + " target values do not make whole"
                            + " samples of shape "
                            + Shapes.toString(targetShape));
        }
        int m = targets.length / perSample;
        return new Dataset(features, featureShape, m, null, 0, targets, targetShape);
    }

    /** The number of samples, {@code m}. */
    public int size() {
        return size;
    }

    /** A copy of the shape of one sample's features, for example {@code [28, 28, 1]}. */
    public long[] featureShape() {
        return featureShape.clone();
    }

    /** The number of feature values per sample: the product of {@link #featureShape()}. */
    public int featureSize() {
        return featureSize;
    }

    /**
     * Whether the labels are class ids ({@link #labels()}) rather than float {@link #targets()}.
     */
    public boolean hasClassLabels() {
        return labels != null;
    }

    /** The number of classes; 0 for a regression data set. */
    public int numClasses() {
        return numClasses;
    }

    /** A copy of the shape of one sample's target; {@code [1]} for class labels. */
    public long[] targetShape() {
        return targetShape == null ? new long[] {1} : targetShape.clone();
    }

    /** The number of label values per sample: 1 for class labels, else the target size. */
    public int targetSize() {
        return targetSize;
    }

    /** A copy of all features, {@code size() * featureSize()} values, sample by sample. */
    public float[] features() {
        return features.clone();
    }

    /**
     * A copy of the class id of every sample.
     *
     * @throws IllegalStateException for a regression data set
     */
    public int[] labels() {
        return classLabels().clone();
    }

    /**
     * A copy of all targets, {@code size() * targetSize()} values, sample by sample.
     *
     * @throws IllegalStateException for a classification data set
     */
    public float[] targets() {
        if (targets == null) {
            throw new IllegalStateException(
                    "this data set has class labels, not float targets;" + " use labels()");
        }
        return targets.clone();
    }

    /** How many samples each class has: element {@code k} counts label {@code k}. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int label : classLabels()) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The samples {@code from} (inclusive) to {@code to} (exclusive), copied.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
     */
    public Dataset subset(int from, int to) {
        if (from < 0 || from > to || to > size) {
            throw new IndexOutOfBoundsException(
                    "subset(" + from + ", " + to + ") needs 0 <= from" + " <= to <= " + size);
        }
        float[] x = Arrays.copyOfRange(features, from * featureSize, to * featureSize);
        if (labels != null) {
            return new Dataset(
                    x,
                    featureShape,
                    to - from,
                    Arrays.copyOfRange(labels, from, to),
                    numClasses,
                    null,
                    null);
        }
        float[] y = Arrays.copyOfRange(targets, from * targetSize, to * targetSize);
        return new Dataset(x, featureShape, to - from, null, 0, y, targetShape);
    }

    /**
     * Splits off the last {@code round(size() * valFraction)} samples as a validation set,
     * deterministically (no shuffling: shuffle the file, or use {@link MiniBatches}, if its order
     * is sorted by class).
     *
     * @param valFraction the fraction for validation, strictly between 0 and 1
     * @throws IllegalArgumentException if the fraction is out of range or leaves either part empty
     */
    public Split split(double valFraction) {
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new IllegalArgumentException(
                    "valFraction must be between 0 and 1 (exclusive), got " + valFraction);
        }
        int val = (int) Math.round(size * valFraction);
        if (val == 0 || val == size) {
            throw new IllegalArgumentException(
                    "valFraction "
                            + valFraction
                            + " of "
                            + size
                            + " samples leaves an empty "
                            + (val == 0 ? "validation" : "training")
                            + " set; choose a fraction between "
                            + 1.0 / size
                            + " and "
                            + (1 - 1.0 / size));
        }
        return new Split(subset(0, size - val), subset(size - val, size));
    }

    /**
     * The same samples with features viewed in another shape of the same size, for example {@code
     * [28, 28, 1]} as {@code [784]} for a dense network.
     */
    public Dataset reshaped(long... newFeatureShape) {
        requireNonNull(newFeatureShape, "newFeatureShape is null");
        if (sizeOf(newFeatureShape, "newFeatureShape") != featureSize) {
            throw new IllegalArgumentException(
                    "cannot reshape features of shape "
                            + Shapes.toString(featureShape)
                            + " ("
                            + featureSize
                            + " values) to "
                            + Shapes.toString(newFeatureShape));
        }
        return new Dataset(
                features, newFeatureShape, size, labels, numClasses, targets, targetShape);
    }

    /** The features multiplied by {@code factor}, for example {@code 1 / 255f}. */
    public Dataset scaled(float factor) {
        if (!Float.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be finite, got " + factor);
        }
        return affine(0f, factor);
    }

    /** The features as {@code (x - mean) / std}, one mean and std for every feature. */
    public Dataset normalized(float mean, float std) {
        if (!(std != 0 && Float.isFinite(std) && Float.isFinite(mean))) {
            throw new IllegalArgumentException(
                    "mean must be finite and std finite and non-zero, got " + mean + " and " + std);
        }
        return affine(-mean, 1f / std);
    }

    // A one-time pass when preparing data, not a per-batch hot path.
    private Dataset affine(float shift, float multiplier) {
        float[] x = new float[features.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (features[i] + shift) * multiplier;
        }
        return withFeatures(x);
    }

    /**
     * The mean and standard deviation of each feature over this data set; compute them on the
     * training set and apply them to every set with {@link #normalized(FeatureStats)}.
     */
    public FeatureStats featureStats() {
        return FeatureStats.of(features, size, featureSize);
    }

    /**
     * Each feature {@code j} standardised as {@code (x_j - mean_j) / std_j}; a constant feature
     * ({@code std_j == 0}) is only centred.
     *
     * @throws IllegalArgumentException if the statistics are for another feature size
     */
    public Dataset normalized(FeatureStats stats) {
        requireNonNull(stats, "stats is null");
        return withFeatures(stats.apply(features, featureSize));
    }

    private Dataset withFeatures(float[] x) {
        return new Dataset(x, featureShape, size, labels, numClasses, targets, targetShape);
    }

    // For MiniBatches: the backing arrays, never modified.
    float[] featureArray() {
        return features;
    }

    int[] labelArray() {
        return labels;
    }

    float[] targetArray() {
        return targets;
    }

    private int[] classLabels() {
        if (labels == null) {
            throw new IllegalStateException(
                    "this data set has float targets, not class labels;" + " use targets()");
        }
        return labels;
    }

    private static int sizeOf(long[] shape, String name) {
        long n = Shapes.elementCount(shape);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    name
                            + " "
                            + Shapes.toString(shape)
                            + " must have non-negative dimensions and at most 2^31-1 values");
        }
        return (int) n;
    }

    /** For example {@code Dataset[10000 samples, features (28, 28, 1), 10 classes]}. */
    @Override
    public String toString() {
        String y =
                labels != null
                        ? numClasses + " classes"
                        : "targets " + Shapes.toString(targetShape);
        return "Dataset["
                + size
                + " samples, features "
                + Shapes.toString(featureShape)
                + ", "
                + y
                + "]";
    }
}
