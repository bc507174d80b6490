/**
 * Many-to-many of different lengths: the encoder-decoder ({@code seq2seq} layer) trained on pairs
 * ({@code dlkit rnn seq2seq-train}), greedy and beam decoding ({@code dlkit rnn translate}), and
 * the human-written dates task ({@code dlkit rnn dates}).
 */
package io.dlkit.plugins.rnn.seq2seq;
