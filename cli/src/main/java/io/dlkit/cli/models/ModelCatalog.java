package io.dlkit.cli.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of named pretrained models: every {@code META-INF/dlkit/models.json} resource the
 * class loader sees (the host's, and any a plugin jar on the class path adds), each holding {@code
 * {"models": [CatalogEntry...]}}. A name defined twice is an error naming both resources.
 */
public final class ModelCatalog {
    /** The resource path every catalog file has. */
    public static final String RESOURCE = "META-INF/dlkit/models.json";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, CatalogEntry> entries;

    ModelCatalog(Map<String, CatalogEntry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The catalog of every {@link #RESOURCE} {@code loader} can see. */
    public static ModelCatalog load(ClassLoader loader) {
        Map<String, CatalogEntry> all = new LinkedHashMap<>();
        Map<String, URL> origin = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                for (CatalogEntry e : read(url)) {
                    if (all.containsKey(e.name())) {
                        throw new DlkitException(
                                io.dlkit.api.ExitCode.PLUGIN,
                                "model '"
                                        + e.name()
                                        + "' is defined in both "
                                        + origin.get(e.name())
                                        + " and "
                                        + url
                                        + "; rename one of them");
                    }
                    all.put(e.name(), e);
                    origin.put(e.name(), url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelCatalog(all);
    }

    private static List<CatalogEntry> read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            Catalog c = MAPPER.readValue(in, Catalog.class);
            return c.models() == null ? List.of() : c.models();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DlkitException(
                    io.dlkit.api.ExitCode.PLUGIN,
                    url + ": malformed model catalog: " + e.getOriginalMessage(),
                    e);
        }
    }

    private record Catalog(List<CatalogEntry> models) {}

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
