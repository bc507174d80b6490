package io.dlkit.spark;

import io.dlkit.api.pipeline.StepType;
import io.dlkit.cli.addon.AddOn;
import java.util.List;

/**
 * The Spark add-on as dlkit finds it (ServiceLoader): the {@code dlkit batch} command and the
 * {@code spark/batch} pipeline step.
 */
public final class SparkAddOn implements AddOn {
    @Override
    public String name() {
        return "dlkit-spark";
    }

    @Override
    public List<Class<?>> commands() {
        return List.of(BatchCommand.class);
    }

    @Override
    public List<Class<? extends StepType>> steps() {
        return List.of(BatchStep.class);
    }
}
