/**
 * The pipeline step types the core contributes: {@code image/load}, {@code image/resize}, {@code
 * image/draw-boxes}, {@code image/draw-points}, {@code image/edges}, {@code image/save}, {@code
 * boxes/load}, {@code boxes/save} and {@code points/load}, provided by {@link
 * io.dlkit.cli.steps.CoreStepProvider}.
 */
package io.dlkit.cli.steps;
