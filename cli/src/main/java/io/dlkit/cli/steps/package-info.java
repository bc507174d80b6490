/**
 * The pipeline step types the core contributes: {@code image/load}, {@code image/resize}, {@code
 * image/draw-boxes} and {@code image/save}, provided by {@link
 * io.dlkit.cli.steps.CoreStepProvider}.
 */
package io.dlkit.cli.steps;
