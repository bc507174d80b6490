package io.dlkit.plugins.detector.train;

import io.dlkit.api.extension.ObjectiveProvider;
import io.dlkit.backend.train.Objective;
import java.util.List;
import org.pf4j.Extension;

/**
 * Contributes the YOLOv2 loss as {@code --loss yolov2} for a 416x416 VOC model (13x13 grid, 5
 * anchors, 20 classes); {@code dlkit detect train} builds it for the model it trains.
 */
@Extension
public final class YoloObjectives implements ObjectiveProvider {
    /** PF4J creates it; it holds no state. */
    public YoloObjectives() {}

    @Override
    public List<Objective> objectives() {
        return List.of(new YoloObjective(13, 5, 20, YoloObjective.Scales.DARKNET));
    }
}
