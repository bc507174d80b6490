/**
 * Neural style transfer as the notes describe it: the costs ({@link
 * io.dlkit.plugins.nst.StyleCosts}), the optimisation of the pixels ({@link
 * io.dlkit.plugins.nst.StyleTransfer}), the loss networks (the model store's mobilenet_v2 and
 * inception_v3, or a model directory such as an imported VGG-19) and {@code dlkit style}.
 */
package io.dlkit.plugins.nst;
