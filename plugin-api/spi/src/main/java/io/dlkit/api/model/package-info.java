/** Model directories for plugins: open a trained model, or create one from imported weights. */
package io.dlkit.api.model;
