package io.dlkit.cli.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code dlkit plugins} shows for one plugin.
 *
 * @param id the plugin id ({@code detector}), or the file name when the descriptor is unreadable
 * @param version the plugin version
 * @param description one line
 * @param requires the dlkit versions it declares it works with
 * @param state {@code started}, {@code failed} or {@code refused}
 * @param reason why it is not started (empty when started)
 * @param path the plugin file
 * @param extensions the extensions it contributes, as {@code kind name} strings
 */
public record PluginStatus(
        String id,
        String version,
        String description,
        String requires,
        String state,
        String reason,
        Path path,
        List<String> extensions) {
    /** Whether the plugin is started and its extensions are in use. */
    public boolean started() {
        return state.equals("started");
    }
}
