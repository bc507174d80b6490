package io.dlkit.spark;

import io.dlkit.cli.addon.AddOn;
import java.util.List;

/** The Spark add-on as dlkit finds it (ServiceLoader): the {@code dlkit batch} command. */
public final class SparkAddOn implements AddOn {
    @Override
    public String name() {
        return "dlkit-spark";
    }

    @Override
    public List<Class<?>> commands() {
        return List.of(BatchCommand.class);
    }
}
