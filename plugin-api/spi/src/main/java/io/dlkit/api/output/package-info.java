/** Atomic, overwrite-aware output writing. */
package io.dlkit.api.output;
