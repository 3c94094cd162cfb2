package io.strata.spi.connector;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A unit of a table's data that one driver reads. Implementations are records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@type")
public interface ConnectorSplit
{
}
