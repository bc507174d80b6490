/**
 * Many-to-one recurrent models: an LSTM over word embeddings classifying texts ({@code dlkit rnn
 * classify-train}, {@code dlkit rnn classify}).
 */
package io.dlkit.plugins.rnn.classify;
