/**
 * Maps of word vectors: exact t-SNE (van der Maaten and Hinton, 2008) to two dimensions and a
 * labelled scatter plot drawn with java.awt, with the command {@code embed tsne}.
 */
package io.dlkit.plugins.embeddings.tsne;
