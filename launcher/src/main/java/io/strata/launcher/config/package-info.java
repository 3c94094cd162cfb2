/**
 * Reading a node's Presto-style {@code etc/} directory: {@code node.properties} and
 * {@code config.properties} (merged into one property map) and {@code catalog/*.properties} (one catalog
 * per file, named after it), checked for the mistakes that the server's own configuration cannot see
 * (missing files, a property set twice, bad catalog names), and handed to the server as plain maps.
 */
package io.strata.launcher.config;
