/**
 * Sentiment over word vectors, the notes' two models: the mean of a sentence's word vectors into a
 * softmax, and an LSTM (the rnn plugin's layer) over the vectors; trained by {@code dlkit train},
 * used by {@code dlkit embed sentiment}.
 */
package io.dlkit.plugins.embeddings.sentiment;
