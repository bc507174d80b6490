/**
 * The rnn plugin: recurrent layers for model files ({@code layers/}), character language models and
 * sampling ({@code lm/}), and the {@code dlkit rnn} command group ({@code command/}).
 */
package io.dlkit.plugins.rnn;
