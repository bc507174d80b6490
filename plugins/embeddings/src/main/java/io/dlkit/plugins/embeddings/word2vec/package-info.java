/**
 * word2vec (Mikolov et al., 2013) as the original C tool trains it: skip-gram and CBOW, negative
 * sampling from the unigram distribution raised to 3/4 and hierarchical softmax over a Huffman
 * tree, sub-sampling of frequent words, a randomly shrunk window, a linearly decaying learning
 * rate, and several threads updating shared float arrays without locks (Hogwild).
 *
 * <p>The hot loop is plain Java over flat {@code float[]} rows rather than a TensorFlow graph: each
 * step touches k + 2 rows of a V x D matrix, and TensorFlow's embedding gradients are dense. The
 * row arithmetic (dot products and updates) runs on the Java Vector API when the JVM offers it
 * ({@code RowMath}), else in plain Java.
 */
package io.dlkit.plugins.embeddings.word2vec;
