/**
 * Using vectors: nearest neighbours by cosine similarity, analogies (a is to b as c is to ?), and
 * the analogy test set ({@code questions-words.txt}) scored as word2vec's {@code compute-accuracy}
 * scores it; with the commands {@code embed neighbors}, {@code embed analogy} and {@code embed
 * eval-analogy}.
 */
package io.dlkit.plugins.embeddings.similarity;
