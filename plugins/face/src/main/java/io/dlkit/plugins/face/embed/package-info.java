/** The embed command: 128-d face descriptors as JSON lines or .npy. */
package io.dlkit.plugins.face.embed;
