/**
 * Word-vector files, read and written: word2vec's binary and text formats (a {@code V D} header
 * line, then one word and D floats per vector), GloVe's text format (no header), and NumPy {@code
 * .npz}. {@link io.dlkit.plugins.embeddings.format.VectorFiles} detects the format of a file and
 * picks one for an output path. Words are UTF-8 throughout; every error is one line naming the file
 * (and line) and what to fix.
 */
package io.dlkit.plugins.embeddings.format;
