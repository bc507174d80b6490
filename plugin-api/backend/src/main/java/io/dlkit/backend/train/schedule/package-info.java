/**
 * Learning-rate schedules: the rate for each step, computed in Java and fed to the graph, so a
 * schedule never rebuilds the graph. {@link io.dlkit.backend.train.schedule.Schedules} creates them
 * from the command line's syntax ({@code exponential:rate=0.95}) or a config map.
 */
package io.dlkit.backend.train.schedule;
