/**
 * Extension points a plugin implements with {@code @org.pf4j.Extension}: commands, pipeline step
 * types, optimizers, model architectures, layer types ({@link
 * io.dlkit.api.extension.LayerProvider}) and training objectives ({@link
 * io.dlkit.api.extension.ObjectiveProvider}). Extensions are created by the host with dependency
 * injection; use a {@code jakarta.inject.Inject} constructor to receive collaborators.
 */
package io.dlkit.api.extension;
