/**
 * {@code dlkit embed train}: reads a corpus and trains word2vec (skip-gram, CBOW) or GloVe vectors,
 * with progress on stderr and the vectors written atomically.
 */
package io.dlkit.plugins.embeddings.train;
