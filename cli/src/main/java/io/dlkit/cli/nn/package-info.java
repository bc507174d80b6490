/**
 * The core's network commands and steps: {@code train}, {@code eval}, {@code predict}, {@code
 * summary}, {@code bench}; model directories and model files; data loading options.
 */
package io.dlkit.cli.nn;
