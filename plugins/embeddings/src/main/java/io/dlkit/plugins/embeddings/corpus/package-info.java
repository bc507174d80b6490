/**
 * Reading a text corpus the way word2vec's C tool does: UTF-8 files split on whitespace, each line
 * a sentence; the vocabulary with its min-count; the corpus as word indices.
 */
package io.dlkit.plugins.embeddings.corpus;
