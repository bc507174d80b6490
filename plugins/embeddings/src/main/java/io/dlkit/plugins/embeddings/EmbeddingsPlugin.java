package io.dlkit.plugins.embeddings;

import org.pf4j.Plugin;

/** The embeddings plugin: Word embeddings: word2vec, GloVe, analogies and debiasing. */
public class EmbeddingsPlugin extends Plugin {}
