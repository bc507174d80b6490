package io.dlkit.plugins.nst;

import org.pf4j.Plugin;

/** The nst plugin: Neural style transfer: content and style costs on a pretrained CNN. */
public class NstPlugin extends Plugin {}
