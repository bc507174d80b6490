/** Feeding flat primitive arrays into tensors and reading them back, with explicit ownership. */
package io.dlkit.backend.tensor;
