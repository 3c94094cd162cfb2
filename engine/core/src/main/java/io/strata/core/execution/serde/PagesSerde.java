package io.strata.core.execution.serde;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.slice.DynamicSliceOutput;
import io.airlift.slice.Slice;
import io.airlift.slice.SliceInput;
import io.airlift.slice.SliceOutput;
import io.airlift.slice.Slices;
import io.airlift.slice.XxHash64;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strata.core.execution.serde.BlockEncoding.corrupt;
import static io.strata.protocol.ErrorCode.PAGE_TRANSPORT_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Serializes pages for the exchange between tasks and reads them back. A serialized page is
 * <pre>
 * byte   format version (1)
 * int    position count
 * int    channel count
 * byte   codec id of the payload ({@link CompressionCodec}; 0: stored uncompressed)
 * int    uncompressed payload size
 * int    stored payload size
 * long   XxHash64 of the 18 header bytes above followed by the stored payload
 * ...    the stored payload: one {@link BlockEncoding} per channel, compressed when that saved space
 * </pre>
 * little-endian. The reader checks the checksum before it decompresses or decodes anything, so a flipped
 * or missing byte fails with {@code PAGE_TRANSPORT_ERROR} instead of yielding wrong rows.
 * <p>
 * A response body of several pages is a framed stream: per page an int length, then the serialized page.
 * <p>
 * Not thread-safe: it reuses its buffers and codec instances; keep one per thread (one per output buffer
 * client or exchange source).
 */
public final class PagesSerde
{
    static final int FORMAT_VERSION = 1;
    static final int HEADER_SIZE = 1 + 4 + 4 + 1 + 4 + 4 + 8;
    /** The header bytes before the checksum, which the checksum covers. */
    private static final int CHECKED_HEADER_SIZE = HEADER_SIZE - 8;
    private static final int FRAME_PREFIX_SIZE = Integer.BYTES;
    /** Below this, no codec saves space worth a compressor call. */
    private static final int MINIMUM_COMPRESSION_SIZE = 64;

    private final CompressionCodec codec;
    private final Optional<Compressor> compressor;
    private final Map<CompressionCodec, Decompressor> decompressors = new EnumMap<>(CompressionCodec.class);
    private final DynamicSliceOutput payload = new DynamicSliceOutput(64 * 1024);
    private final Slice header = Slices.allocate(HEADER_SIZE);
    private byte[] compressionBuffer = new byte[0];
    // the stored payload of the page last encoded: in payload's buffer or in compressionBuffer
    private byte[] storedBytes;
    private int storedOffset;
    private int storedSize;

    public PagesSerde(CompressionCodec codec)
    {
        this.codec = requireNonNull(codec, "codec is null");
        this.compressor = codec.createCompressor();
    }

    public CompressionCodec codec()
    {
        return codec;
    }

    /** The page's serialized form, a new array the caller owns. */
    public Slice serialize(Page page)
    {
        encode(page);
        Slice serialized = Slices.allocate(HEADER_SIZE + storedSize);
        serialized.setBytes(0, header);
        serialized.setBytes(HEADER_SIZE, storedBytes, storedOffset, storedSize);
        return serialized;
    }

    /** Appends one frame (an int length, then the serialized page) to a response body, without an intermediate copy. */
    public void writeFrame(SliceOutput output, Page page)
    {
        requireNonNull(output, "output is null");
        encode(page);
        output.writeInt(HEADER_SIZE + storedSize);
        output.writeBytes(header);
        output.writeBytes(storedBytes, storedOffset, storedSize);
    }

    /**
     * Encodes the page's blocks into {@link #payload}, compresses them when that saves space, and fills
     * {@link #header}; afterwards {@code storedBytes[storedOffset, storedOffset + storedSize)} is the stored payload.
     */
    private void encode(Page page)
    {
        requireNonNull(page, "page is null");
        payload.reset();
        for (int channel = 0; channel < page.channelCount(); channel++) {
            BlockEncoding.writeBlock(payload, page.getBlock(channel));
        }
        Slice uncompressed = payload.slice();
        int uncompressedSize = uncompressed.length();

        CompressionCodec storedCodec = CompressionCodec.NONE;
        storedBytes = uncompressed.byteArray();
        storedOffset = uncompressed.byteArrayOffset();
        storedSize = uncompressedSize;
        if (compressor.isPresent() && uncompressedSize >= MINIMUM_COMPRESSION_SIZE) {
            Compressor activeCompressor = compressor.get();
            int maxCompressedLength = activeCompressor.maxCompressedLength(uncompressedSize);
            if (compressionBuffer.length < maxCompressedLength) {
                compressionBuffer = new byte[maxCompressedLength];
            }
            int compressedSize = activeCompressor.compress(storedBytes, storedOffset, uncompressedSize, compressionBuffer, 0, compressionBuffer.length);
            // only when it saves space: incompressible pages (random doubles, hashes) are cheaper to ship raw
            if (compressedSize < uncompressedSize) {
                storedCodec = codec;
                storedBytes = compressionBuffer;
                storedOffset = 0;
                storedSize = compressedSize;
            }
        }

        header.setByte(0, FORMAT_VERSION);
        header.setInt(1, page.positionCount());
        header.setInt(5, page.channelCount());
        header.setByte(9, storedCodec.id());
        header.setInt(10, uncompressedSize);
        header.setInt(14, storedSize);
        long checksum = new XxHash64()
                .update(header, 0, CHECKED_HEADER_SIZE)
                .update(storedBytes, storedOffset, storedSize)
                .hash();
        header.setLong(CHECKED_HEADER_SIZE, checksum);
    }

    /** Reads a page written by {@link #serialize(Page)}; {@code serialized} must hold exactly one page. */
    public Page deserialize(Slice serialized)
    {
        requireNonNull(serialized, "serialized is null");
        try {
            return readPage(serialized);
        }
        catch (StrataException e) {
            throw e;
        }
        catch (RuntimeException e) {
            // bounds and argument checks of Slice, the decompressors and the block constructors
            throw new StrataException(PAGE_TRANSPORT_ERROR, "Corrupt serialized page: " + e, e);
        }
    }

    private Page readPage(Slice serialized)
    {
        if (serialized.length() < HEADER_SIZE) {
            throw corrupt("truncated header: " + serialized.length() + " bytes");
        }
        int version = serialized.getUnsignedByte(0);
        if (version != FORMAT_VERSION) {
            throw corrupt("unknown format version " + version);
        }
        int storedSize = serialized.getInt(14);
        if (storedSize != serialized.length() - HEADER_SIZE) {
            throw corrupt("payload of " + storedSize + " bytes expected, " + (serialized.length() - HEADER_SIZE) + " present");
        }
        long expectedChecksum = serialized.getLong(CHECKED_HEADER_SIZE);
        if (checksum(serialized) != expectedChecksum) {
            throw corrupt("checksum mismatch");
        }
        int positionCount = serialized.getInt(1);
        int channelCount = serialized.getInt(5);
        int codecId = serialized.getUnsignedByte(9);
        int uncompressedSize = serialized.getInt(10);
        if (positionCount < 0 || channelCount < 0 || uncompressedSize < 0) {
            throw corrupt("negative count in header");
        }
        CompressionCodec storedCodec = CompressionCodec.fromId(codecId)
                .orElseThrow(() -> corrupt("unknown codec id " + codecId));

        Slice uncompressed = decompress(storedCodec, serialized.slice(HEADER_SIZE, storedSize), uncompressedSize);
        SliceInput input = uncompressed.getInput();
        Block[] blocks = new Block[channelCount];
        for (int channel = 0; channel < channelCount; channel++) {
            blocks[channel] = BlockEncoding.readBlock(input);
            if (blocks[channel].positionCount() != positionCount) {
                throw corrupt("channel " + channel + " has " + blocks[channel].positionCount() + " positions, the page " + positionCount);
            }
        }
        if (input.isReadable()) {
            throw corrupt(input.available() + " bytes left after the last block");
        }
        return new Page(positionCount, blocks);
    }

    private Slice decompress(CompressionCodec storedCodec, Slice stored, int uncompressedSize)
    {
        if (storedCodec == CompressionCodec.NONE) {
            if (uncompressedSize != stored.length()) {
                throw corrupt("uncompressed payload of " + stored.length() + " bytes, header says " + uncompressedSize);
            }
            return stored;
        }
        Decompressor decompressor = decompressors.computeIfAbsent(storedCodec, key -> key.createDecompressor().orElseThrow());
        byte[] output = new byte[uncompressedSize];
        int written = decompressor.decompress(stored.byteArray(), stored.byteArrayOffset(), stored.length(), output, 0, output.length);
        if (written != uncompressedSize) {
            throw corrupt("payload decompressed to " + written + " bytes, header says " + uncompressedSize);
        }
        return Slices.wrappedBuffer(output);
    }

    private static long checksum(Slice serialized)
    {
        return new XxHash64()
                .update(serialized, 0, CHECKED_HEADER_SIZE)
                .update(serialized, HEADER_SIZE, serialized.length() - HEADER_SIZE)
                .hash();
    }

    /** A response body of the pages, in order, as frames. */
    public Slice serializeFrames(List<Page> pages)
    {
        DynamicSliceOutput output = new DynamicSliceOutput(64 * 1024);
        for (Page page : pages) {
            writeFrame(output, page);
        }
        return output.slice();
    }

    /**
     * The pages of a response body written with {@link #writeFrame}, in order. A body cut inside a frame fails;
     * one cut exactly between frames is the transport's to detect (the HTTP content length).
     */
    public List<Page> deserializeFrames(Slice body)
    {
        requireNonNull(body, "body is null");
        List<Page> pages = new ArrayList<>();
        int position = 0;
        while (position < body.length()) {
            if (body.length() - position < FRAME_PREFIX_SIZE) {
                throw corrupt("truncated frame length at byte " + position);
            }
            int frameLength = body.getInt(position);
            position += FRAME_PREFIX_SIZE;
            if (frameLength < HEADER_SIZE || frameLength > body.length() - position) {
                throw corrupt("frame of " + frameLength + " bytes at byte " + position + " of a " + body.length() + " byte body");
            }
            pages.add(deserialize(body.slice(position, frameLength)));
            position += frameLength;
        }
        return pages;
    }
}
