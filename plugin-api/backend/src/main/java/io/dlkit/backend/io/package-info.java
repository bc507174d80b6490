/**
 * Arrays on disk in NumPy's formats, read and written in pure Java: {@link
 * io.dlkit.backend.io.NdArray} (a typed, shaped array), {@link io.dlkit.backend.io.Npy} ({@code
 * .npy}), {@link io.dlkit.backend.io.Npz} ({@code .npz}) and {@link
 * io.dlkit.backend.io.AtomicFiles} (temp file + rename, so a crash never leaves half a file).
 *
 * <p>Nothing here loads the TensorFlow native runtime except {@link
 * io.dlkit.backend.io.NdArray#toTensor()} and {@link
 * io.dlkit.backend.io.NdArray#fromTensor(org.tensorflow.Tensor)}. A file whose content is wrong
 * raises the unchecked {@link io.dlkit.backend.io.DataFormatException}; a failing disk raises
 * {@link java.io.IOException}.
 */
package io.dlkit.backend.io;
