/** The detector plugin's pipeline steps: {@code detector/detect}. */
package io.dlkit.plugins.detector.step;
