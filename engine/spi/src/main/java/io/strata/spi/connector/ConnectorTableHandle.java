package io.strata.spi.connector;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A connector's reference to a table, possibly narrowed by an accepted filter. Implementations are records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@type")
public interface ConnectorTableHandle
{
}
