/**
 * One-object model heads from the notes' object-detection section: classification with localization
 * ({@code p_c}, box, classes) and landmark regression ({@code 2k} coordinates), with their losses
 * and targets made from the detector's label formats.
 */
package io.dlkit.plugins.detector.heads;
