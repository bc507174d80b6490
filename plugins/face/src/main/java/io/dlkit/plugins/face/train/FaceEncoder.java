package io.dlkit.plugins.face.train;

import io.dlkit.plugins.face.FaceImage;

/**
 * Something that turns a photo into one face descriptor: face-api's recogniser (detection,
 * alignment, ResNet descriptor) or an encoder {@code face train} made. What {@code face eval} and
 * the verification head's training compare.
 */
public interface FaceEncoder extends AutoCloseable {
    /** One line naming the encoder, for reports. */
    String describe();

    /** The descriptor of the main face of {@code image}, or null when no face is found. */
    float[] embed(FaceImage image);

    @Override
    void close();
}
