/**
 * The notes' neural language model (Bengio et al.): the embeddings of the context words
 * concatenated into a tanh hidden layer and a softmax over the vocabulary, trained by dlkit's own
 * {@code train} command on the TensorFlow backend; its table E is exported as word vectors ({@code
 * embed train --method nlm}). The layer type {@code context_embedding} is contributed to every
 * model file.
 */
package io.dlkit.plugins.embeddings.nlm;
