/** The verify command: same person or not, by descriptor distance. */
package io.dlkit.plugins.face.verify;
