package io.dlkit.cli.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The catalog of named pretrained models: every {@code META-INF/dlkit/models.json} resource the
 * host's class loader and each started plugin's see, each holding {@code {"models":
 * [CatalogEntry...]}}, plus the user catalog in the cache ({@code dlkit models import --name} of a
 * model of one's own). A name defined twice is an error naming both sources.
 */
public final class ModelCatalog {
    /** The resource path every catalog file has. */
    public static final String RESOURCE = "META-INF/dlkit/models.json";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static Supplier<List<ClassLoader>> pluginLoaders = List::of;

    private final Map<String, CatalogEntry> entries;
    private final Map<String, String> origins;

    ModelCatalog(Map<String, CatalogEntry> entries) {
        this(entries, Map.of());
    }

    private ModelCatalog(Map<String, CatalogEntry> entries, Map<String, String> origins) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /** The catalog of every {@link #RESOURCE} {@code loader} can see. */
    public static ModelCatalog load(ClassLoader loader) {
        return load(List.of(loader));
    }

    /**
     * The catalog of this invocation: the host's and every started plugin's {@link #RESOURCE}
     * (plugins as {@link #usePluginLoaders} set them), and the user catalog in {@code cache}
     * ({@link UserCatalog}).
     */
    public static ModelCatalog forInvocation(Path cache) {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(ModelCatalog.class.getClassLoader());
        loaders.addAll(pluginLoaders.get());
        return load(loaders).withUserCatalog(cache);
    }

    /** Sets where the started plugins' class loaders come from (the host calls this once). */
    public static void usePluginLoaders(Supplier<List<ClassLoader>> loaders) {
        pluginLoaders = loaders;
    }

    /**
     * The catalog of every {@link #RESOURCE} any of {@code loaders} sees, each resource read once
     * (a plugin's loader also sees the host's).
     */
    public static ModelCatalog load(List<ClassLoader> loaders) {
        Set<URL> urls = new LinkedHashSet<>();
        try {
            for (ClassLoader l : loaders) urls.addAll(Collections.list(l.getResources(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sources all = new Sources();
        for (URL url : urls) {
            for (CatalogEntry e : read(url)) all.add(e, url.toString());
        }
        return new ModelCatalog(all.entries, all.origins);
    }

    /** This catalog plus the user catalog in {@code cache}; a name in both is an error. */
    ModelCatalog withUserCatalog(Path cache) {
        Path file = UserCatalog.file(cache);
        List<CatalogEntry> user = UserCatalog.read(file);
        if (user.isEmpty()) return this;
        Sources all = new Sources();
        all.entries.putAll(entries);
        all.origins.putAll(origins);
        for (CatalogEntry e : user) all.add(e, file.toString());
        return new ModelCatalog(all.entries, all.origins);
    }

    /** Where {@code name} is defined (a resource URL or the user catalog file), or null. */
    public String origin(String name) {
        return origins.get(name);
    }

    /** Entries and where each was defined; a second definition of a name is an error. */
    private static final class Sources {
        final Map<String, CatalogEntry> entries = new LinkedHashMap<>();
        final Map<String, String> origins = new LinkedHashMap<>();

        void add(CatalogEntry e, String origin) {
            if (entries.containsKey(e.name())) {
                throw new DlkitException(
                        io.dlkit.api.ExitCode.PLUGIN,
                        "model '"
                                + e.name()
                                + "' is defined in both "
                                + origins.get(e.name())
                                + " and "
                                + origin
                                + "; rename one of them");
            }
            entries.put(e.name(), e);
            origins.put(e.name(), origin);
        }
    }

    private static List<CatalogEntry> read(URL url) {
        try (InputStream in = url.openStream()) {
            Catalog c = MAPPER.readValue(in, Catalog.class);
            return c.models() == null ? List.of() : c.models();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DlkitException(
                    io.dlkit.api.ExitCode.PLUGIN,
                    url + ": malformed model catalog: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON form of a catalog file. */
    record Catalog(List<CatalogEntry> models) {}

    /**
     * The entry {@code name}.
     *
     * @throws DlkitException (exit 2) listing the known names when there is none
     */
    public CatalogEntry get(String name) {
        CatalogEntry e = entries.get(name);
        if (e == null) {
            throw DlkitException.invalidInput(
                    "no model '"
                            + name
                            + "' in the catalog; known: "
                            + String.join(", ", entries.keySet())
                            + " (dlkit models list)");
        }
        return e;
    }

    /** Whether {@code name} is in the catalog. */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Every entry, in catalog order. */
    public List<CatalogEntry> all() {
        return new ArrayList<>(entries.values());
    }
}
