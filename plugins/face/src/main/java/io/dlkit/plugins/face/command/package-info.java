/** The dlkit face command group and what its subcommands share. */
package io.dlkit.plugins.face.command;
