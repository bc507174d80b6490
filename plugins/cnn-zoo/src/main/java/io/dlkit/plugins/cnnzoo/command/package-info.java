/**
 * The {@code dlkit zoo} command: {@code list}, {@code summary}, {@code export} and {@code train}
 * over the cnn-zoo architectures. One class per subcommand; the shared name and shape options are
 * the {@link io.dlkit.plugins.cnnzoo.command.SpecOptions} mixin.
 */
package io.dlkit.plugins.cnnzoo.command;
