/**
 * Face recognition: face-api's pretrained networks (SSD MobileNet-V1 and tiny face detectors,
 * 68-point landmarks, the ResNet-34-like 128-d recogniser) rebuilt on TensorFlow ops with their
 * TF.js weights, with face-api's pre-processing and alignment.
 */
package io.dlkit.plugins.face;
