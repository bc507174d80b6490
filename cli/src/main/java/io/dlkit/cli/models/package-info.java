/**
 * The pretrained-model store ({@code dlkit models}): {@link io.dlkit.cli.models.ModelCatalog}
 * (every {@code META-INF/dlkit/models.json} on the class path), {@link
 * io.dlkit.cli.models.ModelCache} (the per-user cache, verified before every load), the sources a
 * pull fetches from (npm through {@code npm pack}, https, local folders), the {@code models}
 * subcommands, and the graph-model hand-overs of {@code summary}, {@code predict} and {@code bench
 * infer}.
 */
package io.dlkit.cli.models;
