/**
 * The recurrent layer types model files can name ({@link
 * io.dlkit.plugins.rnn.layers.RnnLayerTypes}): embedding, the basic RNN cell, GRU and LSTM
 * (statically unrolled, Keras' weight layout), bidirectional, and a per-step dense output.
 */
package io.dlkit.plugins.rnn.layers;
