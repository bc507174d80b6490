/**
 * Training data in memory and in batches: {@link io.dlkit.backend.data.Dataset} (features as one
 * flat row-major {@code float[]}, class ids or float targets), {@link
 * io.dlkit.backend.data.MiniBatches} (a reproducible shuffle per epoch, then batches copied into
 * reusable buffers) and the loaders behind {@link io.dlkit.backend.data.Datasets#load}: {@link
 * io.dlkit.backend.data.IdxReader} (MNIST and Fashion-MNIST), {@link
 * io.dlkit.backend.data.CsvReader}, {@link io.dlkit.backend.data.NpzDatasetReader} and {@link
 * io.dlkit.backend.data.ImageFolderReader} (one sub-folder of images per class). Around them:
 * {@link io.dlkit.backend.data.ChannelNormalization} (per-channel input standardisation stored with
 * a model) and {@link io.dlkit.backend.data.BatchAugmenter}, the trainer's per-batch hook, with
 * {@link io.dlkit.backend.data.ImageAugmenter} (random flip and padded crop).
 *
 * <p>Nothing here loads the TensorFlow native runtime. Malformed content raises {@link
 * io.dlkit.backend.io.DataFormatException} with a one-line message naming the file and, where it
 * applies, the line, column or array at fault; a failing disk raises {@link java.io.IOException}.
 */
package io.dlkit.backend.data;
