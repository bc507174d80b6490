/**
 * The {@code dlkit embed} command group and what its subcommands share: the {@code --vectors}
 * option, reading and writing vector files through the host's atomic writer, JSON output.
 */
package io.dlkit.plugins.embeddings.command;
