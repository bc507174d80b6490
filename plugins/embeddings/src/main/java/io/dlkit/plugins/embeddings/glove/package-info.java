/**
 * GloVe (Pennington et al., 2014) as the notes and the Stanford tool define it: co-occurrence
 * counts X_ij in a symmetric window weighted by 1/distance, then AdaGrad on the weighted least
 * squares J = sum f(X_ij) (e_i . t_j + b_i + b~_j - log X_ij)^2 with f(x) = (x / x_max)^alpha below
 * x_max and 1 above; the vectors returned are (e + t) / 2.
 */
package io.dlkit.plugins.embeddings.glove;
