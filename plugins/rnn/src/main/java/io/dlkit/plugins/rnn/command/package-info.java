/** The plugin's command group, {@code dlkit rnn}. */
package io.dlkit.plugins.rnn.command;
