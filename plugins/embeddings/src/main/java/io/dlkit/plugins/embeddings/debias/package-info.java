/**
 * Debiasing word vectors (Bolukbasi et al., 2016) with the notes' formulas: a bias axis from
 * word-pair differences, neutralize (remove the component along the axis) and equalize (move a pair
 * to be symmetric about the axis); with the command {@code embed debias}.
 */
package io.dlkit.plugins.embeddings.debias;
