package io.strata.spi.connector;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A connector's reference to one INSERT under way (from {@link ConnectorMetadata#beginInsert}). Implementations
 * are records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@type")
public interface ConnectorInsertTableHandle
{
}
