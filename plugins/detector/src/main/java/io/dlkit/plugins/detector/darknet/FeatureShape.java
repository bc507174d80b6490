package io.dlkit.plugins.detector.darknet;

/** A feature map's height x width x channels, as Darknet computes it layer by layer. */
public record FeatureShape(int height, int width, int channels) {
    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
