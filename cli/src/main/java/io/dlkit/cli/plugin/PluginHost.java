package io.dlkit.cli.plugin;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * dlkit's PF4J plugin manager: loads plugin jars from the distribution's {@code plugins/} folder
 * and from user folders, with the shared packages taken from the host, creates extensions through
 * Guice, and keeps every failure (unreadable file, incompatible version, failing start, failing
 * extension) so that {@code dlkit plugins} can report it while everything else keeps working.
 * Loading plugins never loads TensorFlow's native code.
 */
public final class PluginHost extends DefaultPluginManager {
    private final Map<Path, String> loadFailures = new LinkedHashMap<>();
    private Supplier<Injector> injector = () -> null;

    /** A host over the given plugin folders, for this dlkit version. */
    public PluginHost(List<Path> roots, String dlkitVersion) {
        super(new ArrayList<>(roots));
        setSystemVersion(dlkitVersion);
    }

    /** Loads and starts every plugin found; never throws for a single bad plugin. */
    public void loadAndStart() {
        loadPlugins();
        startPlugins();
    }

    /** Sets the injector extensions are created with (it needs this host, so it comes later). */
    public void useInjector(Supplier<Injector> injector) {
        this.injector = injector;
    }

    Injector injector() {
        Injector i = injector.get();
        if (i == null) {
            throw new IllegalStateException("extensions requested before the injector exists");
        }
        return i;
    }

    /**
     * The extensions of {@code type} from every started plugin. A plugin whose extension cannot be
     * created is marked failed (with the reason) and skipped.
     */
    public <T> List<T> extensionsOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (PluginWrapper w : getStartedPlugins()) {
            try {
                out.addAll(getExtensions(type, w.getPluginId()));
            } catch (RuntimeException | LinkageError e) {
                markFailed(w, e);
            }
        }
        return out;
    }

    /** The class loaders of the started plugins, in start order. */
    public List<ClassLoader> startedPluginLoaders() {
        return getStartedPlugins().stream().map(PluginWrapper::getPluginClassLoader).toList();
    }

    /** Marks a plugin failed, e.g. when one of its extensions throws while being used. */
    public void markFailed(PluginWrapper w, Throwable e) {
        w.setPluginState(PluginState.FAILED);
        w.setFailedException(e);
        getStartedPlugins().remove(w);
    }

    /** The status of every plugin file found, sorted by id. */
    public List<PluginStatus> statuses() {
        return PluginStatuses.of(this, loadFailures);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader().add(new PluginLoaders.SharedFirstJarLoader(this));
    }

    /**
     * Jars in root order (the distribution's plugins first, then DLKIT_PLUGINS, then
     * --plugins-dir), by name within a root; PF4J's default, newest first, would let a user's jar
     * take a built-in plugin's id.
     */
    @Override
    protected PluginRepository createPluginRepository() {
        JarPluginRepository repository = new JarPluginRepository(getPluginsRoots());
        List<Path> roots = getPluginsRoots();
        repository.setComparator(
                java.util.Comparator.<java.io.File>comparingInt(f -> rootIndex(roots, f))
                        .thenComparing(java.io.File::getName));
        return repository;
    }

    private static int rootIndex(List<Path> roots, java.io.File file) {
        Path p = file.toPath().toAbsolutePath().normalize();
        for (int i = 0; i < roots.size(); i++) {
            if (p.startsWith(roots.get(i).toAbsolutePath().normalize())) return i;
        }
        return roots.size();
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new GuiceExtensionFactory(this);
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (RuntimeException | LinkageError e) {
            String taken = takenId(pluginPath);
            loadFailures.put(
                    pluginPath, taken != null ? idTaken(taken) : PluginStatuses.oneLine(e));
            throw e;
        }
    }

    /** The plugin id of the jar at {@code path} when another loaded plugin already has it. */
    private String takenId(Path path) {
        try {
            String id = getPluginDescriptorFinder().find(path).getPluginId();
            PluginWrapper other = id == null ? null : getPlugin(id);
            return other != null && !other.getPluginPath().equals(path) ? id : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String idTaken(String id) {
        PluginWrapper first = getPlugin(id);
        String home = System.getProperty("dlkit.home");
        boolean builtIn =
                first != null
                        && home != null
                        && first.getPluginPath()
                                .toAbsolutePath()
                                .startsWith(Path.of(home).toAbsolutePath());
        return "id '"
                + id
                + "' is taken by "
                + (builtIn
                        ? "a built-in plugin"
                        : first == null ? "another plugin" : first.getPluginPath().getFileName())
                + "; change Plugin-Id";
    }

    /**
     * Starts the plugins; one whose Plugin-Class cannot be loaded is marked failed with that reason
     * (PF4J itself would report a NullPointerException).
     */
    @Override
    public void startPlugins() {
        Map<PluginWrapper, String> missing = new LinkedHashMap<>();
        for (PluginWrapper w : getResolvedPlugins()) {
            if (w.getPluginState().isDisabled() || w.getPluginState().isStarted()) continue;
            if (w.getPlugin() == null) {
                missing.put(
                        w,
                        "Plugin-Class "
                                + w.getDescriptor().getPluginClass()
                                + " is not in "
                                + w.getPluginPath().getFileName()
                                + " or is not an org.pf4j.Plugin; fix the jar's manifest");
            }
        }
        super.startPlugins();
        missing.forEach((w, reason) -> markFailed(w, new IllegalStateException(reason)));
    }
}
