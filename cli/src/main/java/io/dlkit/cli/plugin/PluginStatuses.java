package io.dlkit.cli.plugin;

import io.dlkit.api.extension.ArchitectureProvider;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.api.extension.LayerProvider;
import io.dlkit.api.extension.ObjectiveProvider;
import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.api.extension.StepProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** Turns PF4J's plugin wrappers and load failures into {@link PluginStatus} rows. */
final class PluginStatuses {
    private static final List<Class<?>> EXTENSION_POINTS =
            List.of(
                    CommandProvider.class,
                    StepProvider.class,
                    OptimizerProvider.class,
                    ArchitectureProvider.class,
                    LayerProvider.class,
                    ObjectiveProvider.class);

    private PluginStatuses() {}

    static List<PluginStatus> of(PluginHost host, Map<Path, String> loadFailures) {
        List<PluginStatus> out = new ArrayList<>();
        for (PluginWrapper w : host.getPlugins()) {
            out.add(status(host, w));
        }
        loadFailures.forEach(
                (path, reason) ->
                        out.add(
                                new PluginStatus(
                                        path.getFileName().toString(),
                                        "",
                                        "",
                                        "",
                                        "failed",
                                        "cannot load " + path.getFileName() + ": " + reason,
                                        path,
                                        List.of())));
        out.sort(Comparator.comparing(PluginStatus::id));
        return out;
    }

    private static PluginStatus status(PluginHost host, PluginWrapper w) {
        PluginDescriptor d = w.getDescriptor();
        String state;
        String reason = "";
        if (w.getPluginState() == PluginState.STARTED) {
            state = "started";
        } else if (w.getPluginState() == PluginState.DISABLED
                && !host.getVersionManager()
                        .checkVersionConstraint(host.getSystemVersion(), d.getRequires())) {
            state = "refused";
            reason =
                    "requires dlkit "
                            + d.getRequires()
                            + ", this is dlkit "
                            + host.getSystemVersion();
        } else if (w.getFailedException() != null) {
            state = "failed";
            reason = oneLine(w.getFailedException());
        } else {
            state = w.getPluginState().toString().toLowerCase(java.util.Locale.ROOT);
        }
        return new PluginStatus(
                d.getPluginId(),
                d.getVersion(),
                nullToEmpty(d.getPluginDescription()),
                nullToEmpty(d.getRequires()),
                state,
                reason,
                w.getPluginPath(),
                state.equals("started") ? extensions(host, w) : List.of());
    }

    private static List<String> extensions(PluginHost host, PluginWrapper w) {
        List<String> out = new ArrayList<>();
        for (Class<?> point : EXTENSION_POINTS) {
            for (String cls : host.getExtensionClassNames(w.getPluginId())) {
                try {
                    Class<?> c = w.getPluginClassLoader().loadClass(cls);
                    if (point.isAssignableFrom(c))
                        out.add(point.getSimpleName() + " " + c.getSimpleName());
                } catch (ClassNotFoundException | LinkageError e) {
                    out.add("broken " + cls + ": " + oneLine(e));
                }
            }
        }
        return out;
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null
                && t.getCause() != t
                && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
