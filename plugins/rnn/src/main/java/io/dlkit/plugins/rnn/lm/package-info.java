/**
 * Character language models: the sequence objective, the text-to-sequences data, the model file,
 * sampling, and the {@code rnn train-chars} and {@code rnn sample} commands over them.
 */
package io.dlkit.plugins.rnn.lm;
