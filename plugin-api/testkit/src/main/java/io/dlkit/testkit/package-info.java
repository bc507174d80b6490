/**
 * Contract tests and fixtures that every plugin, dlkit's and third-party, runs: JUnit 5 interfaces
 * with default test methods ({@link io.dlkit.testkit.OptimizerContract}), a tiny graph to drive an
 * optimizer with ({@link io.dlkit.testkit.OptimizerHarness}) and float-array assertions ({@link
 * io.dlkit.testkit.TensorAsserts}).
 */
package io.dlkit.testkit;
