/**
 * Keras weight import ({@code dlkit zoo import-keras}): reads the HDF5 weight files that {@code
 * keras.applications} and {@code model.save_weights} write (Keras 2 {@code .h5}, Keras 3 {@code
 * .weights.h5} and {@code .keras}) with a pure-Java HDF5 reader, maps them onto a zoo architecture
 * by layer name and shape ({@link io.dlkit.plugins.cnnzoo.keras.KerasWeights}) and writes a dlkit
 * model directory through the host's {@link io.dlkit.api.model.ModelStore} ({@link
 * io.dlkit.plugins.cnnzoo.keras.KerasImportCommand}).
 */
package io.dlkit.plugins.cnnzoo.keras;
