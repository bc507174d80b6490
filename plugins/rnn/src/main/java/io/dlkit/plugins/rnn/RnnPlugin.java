package io.dlkit.plugins.rnn;

import org.pf4j.Plugin;

/** The rnn plugin: Recurrent networks: RNN, LSTM and GRU cells, character-level language models. */
public class RnnPlugin extends Plugin {}
