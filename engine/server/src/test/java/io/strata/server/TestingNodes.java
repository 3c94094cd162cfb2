package io.strata.server;

import io.strata.server.config.ServerConfig;

import java.util.HashMap;
import java.util.Map;

/** Configurations of small nodes on loopback for tests: two HTTP threads, two protocol threads, two driver threads. */
public final class TestingNodes
{
    private TestingNodes() {}

    /** A worker on 127.0.0.1 at {@code port} (0: a free one). */
    public static ServerConfig workerConfig(String nodeId, int port)
    {
        Map<String, String> properties = smallNode(nodeId, port);
        properties.put("node.role", "worker");
        return ServerConfig.fromProperties(properties);
    }

    /** A coordinator on a free port of 127.0.0.1 with these properties added (e.g. {@code node-scheduler.*}). */
    public static ServerConfig coordinatorConfig(String nodeId, Map<String, String> overrides)
    {
        Map<String, String> properties = smallNode(nodeId, 0);
        properties.putAll(overrides);
        return ServerConfig.fromProperties(properties);
    }

    private static Map<String, String> smallNode(String nodeId, int port)
    {
        Map<String, String> properties = new HashMap<>();
        properties.put("node.id", nodeId);
        properties.put("node.environment", "test");
        properties.put("http-server.http.host", "127.0.0.1");
        properties.put("http-server.http.port", String.valueOf(port));
        properties.put("http-server.threads.max", "2");
        properties.put("protocol.v1.threads", "2");
        properties.put("task.max-worker-threads", "2");
        return properties;
    }
}
