/**
 * The embeddings plugin: word vectors from a text corpus (word2vec's skip-gram and CBOW with
 * negative sampling or hierarchical softmax, GloVe), their file formats, and what one does with
 * them (neighbours, analogies, t-SNE maps, debiasing), contributed as {@code dlkit embed ...}.
 *
 * <p>Sub-packages: {@code corpus} (reading text, vocabulary), {@code word2vec} and {@code glove}
 * (the training kernels), {@code format} (word2vec binary/text, GloVe text, NumPy .npz), {@code
 * similarity}, {@code debias} and {@code tsne} (using vectors, each with its command), {@code
 * train} and {@code command} (the command group).
 */
package io.dlkit.plugins.embeddings;
