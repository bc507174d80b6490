/**
 * Building blocks for a plugin's picocli commands: {@link
 * io.dlkit.api.command.DelegatingTrainCommand} for a command that prepares a model file and data
 * and then runs {@code dlkit train} with the options it does not know itself.
 */
package io.dlkit.api.command;
