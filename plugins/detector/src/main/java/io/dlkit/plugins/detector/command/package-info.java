/**
 * The {@code dlkit detect} command group; each subcommand lives beside its logic ({@code
 * anchors/AnchorsCommand}).
 */
package io.dlkit.plugins.detector.command;
