/**
 * The pipeline engine behind {@code dlkit validate} and {@code dlkit run}: a pipeline file is
 * loaded into a located node tree ({@link io.dlkit.cli.pipeline.PipelineLoader}), checked as a
 * whole against the registered step types ({@link io.dlkit.cli.pipeline.PipelineValidator}, every
 * problem with file, line, column and field path), resolved into a {@link
 * io.dlkit.cli.pipeline.Plan}, and run step by step in dependency order ({@link
 * io.dlkit.cli.pipeline.PipelineRunner}), which writes a manifest beside the outputs.
 */
package io.dlkit.cli.pipeline;
