/** Text helpers shared by every message dlkit writes: "did you mean" suggestions. */
package io.dlkit.backend.text;
