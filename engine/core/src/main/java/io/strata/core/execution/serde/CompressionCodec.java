package io.strata.core.execution.serde;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;

import java.util.Optional;

/**
 * How a serialized page's payload may be compressed. The id is written into each page's header, so a reader
 * decodes pages of any codec; a page whose payload would not shrink is stored with {@link #NONE}.
 */
public enum CompressionCodec
{
    /** Stored as is. */
    NONE(0),
    /** Fast, modest ratio: the default between tasks of one cluster. */
    LZ4(1),
    /** Slower, better ratio: for slow links or spilled pages. */
    ZSTD(2);

    private final int id;

    CompressionCodec(int id)
    {
        this.id = id;
    }

    /** The byte that names this codec in a page header. */
    public int id()
    {
        return id;
    }

    public static Optional<CompressionCodec> fromId(int id)
    {
        for (CompressionCodec codec : values()) {
            if (codec.id == id) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** A new compressor (compressors may keep per-instance state: one per thread), or empty for {@link #NONE}. */
    Optional<Compressor> createCompressor()
    {
        switch (this) {
            case LZ4:
                return Optional.of(new Lz4Compressor());
            case ZSTD:
                return Optional.of(new ZstdCompressor());
            default:
                return Optional.empty();
        }
    }

    /** A new decompressor (one per thread), or empty for {@link #NONE}. */
    Optional<Decompressor> createDecompressor()
    {
        switch (this) {
            case LZ4:
                return Optional.of(new Lz4Decompressor());
            case ZSTD:
                return Optional.of(new ZstdDecompressor());
            default:
                return Optional.empty();
        }
    }
}
