package io.dlkit.plugins.rnn;

import org.pf4j.Plugin;

/**
 * The rnn plugin: Recurrent networks: RNN, LSTM and GRU cells, language models, encoder-decoders,
 * text classifiers.
 */
public class RnnPlugin extends Plugin {}
