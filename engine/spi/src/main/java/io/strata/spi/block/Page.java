package io.strata.spi.block;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A batch of rows in columnar form: one block per channel, all with the same position count. Immutable.
 */
public final class Page
{
    private final int positionCount;
    private final Block[] blocks;

    public Page(Block... blocks)
    {
        this(blocks.length == 0 ? 0 : blocks[0].positionCount(), blocks);
    }

    public Page(int positionCount, Block... blocks)
    {
        requireNonNull(blocks, "blocks is null");
        this.blocks = blocks.clone();
        for (Block block : this.blocks) {
            if (block.positionCount() != positionCount) {
                throw new IllegalArgumentException("block has " + block.positionCount() + " positions, page has " + positionCount);
            }
        }
        this.positionCount = positionCount;
    }

    public int positionCount()
    {
        return positionCount;
    }

    public int channelCount()
    {
        return blocks.length;
    }

    public Block getBlock(int channel)
    {
        return blocks[channel];
    }

    public long sizeInBytes()
    {
        long size = 0;
        for (Block block : blocks) {
            size += block.sizeInBytes();
        }
        return size;
    }

    public long retainedSizeInBytes()
    {
        long size = 16;
        for (Block block : blocks) {
            size += block.retainedSizeInBytes();
        }
        return size;
    }

    public Page region(int offset, int length)
    {
        Block[] regions = new Block[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            regions[i] = blocks[i].region(offset, length);
        }
        return new Page(length, regions);
    }

    /** A page of the rows at {@code positions[offset..offset+length)}: the rows a filter selected. */
    public Page copyPositions(int[] positions, int offset, int length)
    {
        Block[] copies = new Block[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            copies[i] = blocks[i].copyPositions(positions, offset, length);
        }
        return new Page(length, copies);
    }

    /** A page of the given channels, in that order (blocks are shared, not copied). */
    public Page selectChannels(int... channels)
    {
        Block[] selected = new Block[channels.length];
        for (int i = 0; i < channels.length; i++) {
            selected[i] = blocks[channels[i]];
        }
        return new Page(positionCount, selected);
    }

    public Page appendColumn(Block block)
    {
        Block[] newBlocks = Arrays.copyOf(blocks, blocks.length + 1);
        newBlocks[blocks.length] = block;
        return new Page(positionCount, newBlocks);
    }

    @Override
    public String toString()
    {
        return "Page{positions=" + positionCount + ", channels=" + blocks.length + "}";
    }
}
