package io.dlkit.plugins.face;

import org.pf4j.Plugin;

/**
 * The face plugin: Face recognition and verification: embeddings, triplet loss, identity search.
 */
public class FacePlugin extends Plugin {}
