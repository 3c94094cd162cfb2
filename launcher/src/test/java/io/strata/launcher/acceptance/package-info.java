/**
 * Acceptance tests: a coordinator started in this JVM through its real composition root, spoken to the way users
 * speak to it, by the unmodified presto-jdbc and trino-jdbc drivers and by plain HTTP, with TPC-H answers checked
 * against the shared reference answers. Fixtures: {@link io.strata.launcher.acceptance.TestingCoordinator},
 * {@link io.strata.launcher.acceptance.StockDrivers}, {@link io.strata.launcher.acceptance.RawProtocolClient},
 * {@link io.strata.launcher.acceptance.TpchAnswers}.
 */
package io.strata.launcher.acceptance;
