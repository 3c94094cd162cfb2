/**
 * A node describing itself over HTTP ({@code /v1/info}, {@code /v1/info/state},
 * {@code /v1/info/coordinator}) for drivers, gateways and load balancers; it takes in the node's identity
 * and lifecycle and hands on the protocol's {@code ServerInfo}.
 */
package io.strata.server.info;
