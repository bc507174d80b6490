/** The pipeline step contract: step types, their typed parameters, inputs and outputs. */
package io.dlkit.api.pipeline;
