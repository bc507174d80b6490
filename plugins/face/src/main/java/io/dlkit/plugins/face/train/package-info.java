/**
 * Training your own face models: FaceNet's NN4-small2 encoder with the semi-hard triplet loss on
 * identity batches, and DeepFace's verification head on pairs of a frozen encoder's descriptors,
 * both on the core trainer; {@code dlkit face train} and {@code dlkit face identities}.
 */
package io.dlkit.plugins.face.train;
