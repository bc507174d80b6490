/**
 * What a dlkit plugin compiles against: exit codes and user-facing errors, the global run settings,
 * and (in sub-packages) the extension points, the pipeline step contract and the atomic output
 * writer.
 */
package io.dlkit.api;
