package io.strata.core.execution.serde;

import io.airlift.slice.DynamicSliceOutput;
import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.airlift.slice.XxHash64;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.ArrayBlock;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.MapBlock;
import io.strata.spi.block.Page;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Int128;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.Type;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.RealType.REAL;
import static io.strata.spi.type.SmallintType.SMALLINT;
import static io.strata.spi.type.TimestampType.TIMESTAMP;
import static io.strata.spi.type.TinyintType.TINYINT;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarbinaryType.VARBINARY;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Round trips through {@link PagesSerde}: the oracle is the block API itself ({@link Type#getValue} of
 * every position before and after), which the serde does not use to read or write.
 */
class TestPagesSerde
{
    private static final List<Type> SCALAR_TYPES = List.of(
            BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DATE, TIMESTAMP, INTERVAL_DAY_TIME,
            new DecimalType(12, 2), new DecimalType(38, 4), VARCHAR, VARBINARY);

    private static final List<Type> NESTED_TYPES = List.of(
            new ArrayType(BIGINT),
            new ArrayType(new ArrayType(VARCHAR)),
            new MapType(VARCHAR, DOUBLE),
            new MapType(BIGINT, new ArrayType(new DecimalType(38, 0))),
            RowType.anonymous(List.of(BIGINT, new ArrayType(VARCHAR))),
            RowType.anonymous(List.of(new MapType(INTEGER, RowType.anonymous(List.of(BOOLEAN, VARBINARY))), DOUBLE)),
            new ArrayType(RowType.anonymous(List.of(INTEGER, new ArrayType(new ArrayType(BIGINT))))));

    static Stream<Arguments> typesAndCodecs()
    {
        List<Arguments> arguments = new ArrayList<>();
        for (CompressionCodec codec : CompressionCodec.values()) {
            for (Type type : SCALAR_TYPES) {
                arguments.add(Arguments.of(codec, type));
            }
            for (Type type : NESTED_TYPES) {
                arguments.add(Arguments.of(codec, type));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest
    @MethodSource("typesAndCodecs")
    void randomValuesRoundTrip(CompressionCodec codec, Type type)
    {
        PagesSerde serde = new PagesSerde(codec);
        Random random = new Random(type.displayName().hashCode() * 31L + codec.ordinal());
        for (double nullFraction : new double[] {0.0, 0.2, 0.9, 1.0}) {
            for (int positionCount : new int[] {0, 1, 7, 8, 9, 100, 1023}) {
                Block block = randomBlock(type, positionCount, nullFraction, random);
                assertRoundTrip(serde, List.of(type), new Page(positionCount, block));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void randomlyNestedTypesRoundTrip(CompressionCodec codec)
    {
        Random random = new Random(2024 + codec.ordinal());
        PagesSerde serde = new PagesSerde(codec);
        for (int trial = 0; trial < 40; trial++) {
            int channelCount = 1 + random.nextInt(4);
            int positionCount = random.nextInt(300);
            List<Type> types = new ArrayList<>();
            Block[] blocks = new Block[channelCount];
            for (int channel = 0; channel < channelCount; channel++) {
                Type type = randomType(random, 3);
                types.add(type);
                blocks[channel] = randomBlock(type, positionCount, random.nextDouble() * 0.5, random);
            }
            Page page = new Page(positionCount, blocks);
            assertRoundTrip(serde, types, page);
            if (positionCount > 2) {
                assertRoundTrip(serde, types, page.region(1, positionCount - 2));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void pageOfEveryTypeRoundTrips(CompressionCodec codec)
    {
        List<Type> types = new ArrayList<>(SCALAR_TYPES);
        types.addAll(NESTED_TYPES);
        Random random = new Random(42);
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = randomBlock(types.get(channel), 500, 0.1, random);
        }
        assertRoundTrip(new PagesSerde(codec), types, new Page(500, blocks));
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void allNullBlocks(CompressionCodec codec)
    {
        List<Type> types = List.of(UNKNOWN, BIGINT, VARCHAR, new DecimalType(30, 1), new ArrayType(BIGINT), new MapType(VARCHAR, BIGINT), RowType.anonymous(List.of(BIGINT)));
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            BlockBuilder builder = types.get(channel).createBlockBuilder(10);
            for (int i = 0; i < 77; i++) {
                builder.appendNull();
            }
            blocks[channel] = builder.build();
        }
        Page page = new Page(77, blocks);
        Page copy = assertRoundTrip(new PagesSerde(codec), types, page);
        for (int channel = 0; channel < blocks.length; channel++) {
            assertThat(copy.getBlock(channel).mayHaveNull()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void emptyPages(CompressionCodec codec)
    {
        PagesSerde serde = new PagesSerde(codec);
        Page noRows = new Page(0, BIGINT.createBlockBuilder(0).build(), VARCHAR.createBlockBuilder(0).build(), new ArrayType(BIGINT).createBlockBuilder(0).build());
        assertRoundTrip(serde, List.of(BIGINT, VARCHAR, new ArrayType(BIGINT)), noRows);

        Page noChannels = new Page(12);
        Page copy = serde.deserialize(serde.serialize(noChannels));
        assertThat(copy.positionCount()).isEqualTo(12);
        assertThat(copy.channelCount()).isZero();

        Page nothing = serde.deserialize(serde.serialize(new Page(0)));
        assertThat(nothing.positionCount()).isZero();
        assertThat(nothing.channelCount()).isZero();
    }

    @Test
    void nestedValuesWithNullsInside()
    {
        Type arrayOfArrays = new ArrayType(new ArrayType(BIGINT));
        Type mapWithNullValues = new MapType(VARCHAR, BIGINT);
        Type rowWithArray = RowType.anonymous(List.of(VARCHAR, new ArrayType(INTEGER)));

        BlockBuilder arrays = arrayOfArrays.createBlockBuilder(4);
        arrays.appendValue(List.of(List.of(1L, 2L), List.of(), Arrays.asList(3L, null)));
        arrays.appendValue(Arrays.asList(null, List.of(4L)));
        arrays.appendNull();
        arrays.appendValue(List.of());

        BlockBuilder maps = mapWithNullValues.createBlockBuilder(4);
        maps.appendValue(mapOf("a", 1L, "b", null));
        maps.appendNull();
        maps.appendValue(mapOf());
        maps.appendValue(mapOf("c", null));

        BlockBuilder rows = rowWithArray.createBlockBuilder(4);
        rows.appendValue(List.of("x", List.of(1, 2, 3)).stream().map(TestPagesSerde::toSliceIfString).toList());
        rows.appendNull();
        rows.appendValue(Arrays.asList(null, Arrays.asList(null, 5)));
        rows.appendValue(Arrays.asList(Slices.utf8Slice(""), null));

        Page page = new Page(4, arrays.build(), maps.build(), rows.build());
        for (CompressionCodec codec : CompressionCodec.values()) {
            Page copy = assertRoundTrip(new PagesSerde(codec), List.of(arrayOfArrays, mapWithNullValues, rowWithArray), page);
            assertThat(arrayOfArrays.getValue(copy.getBlock(0), 0)).isEqualTo(List.of(List.of(1L, 2L), List.of(), Arrays.asList(3L, null)));
            assertThat(mapWithNullValues.getValue(copy.getBlock(1), 0)).isEqualTo(mapOf(Slices.utf8Slice("a"), 1L, Slices.utf8Slice("b"), null));
            assertThat(copy.getBlock(2).isNull(1)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void regionsAndFilteredPages(CompressionCodec codec)
    {
        List<Type> types = List.of(BIGINT, VARCHAR, new DecimalType(38, 2), new ArrayType(new ArrayType(VARCHAR)), new MapType(INTEGER, VARCHAR), RowType.anonymous(List.of(BIGINT, new ArrayType(DOUBLE))));
        Random random = new Random(7);
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = randomBlock(types.get(channel), 300, 0.25, random);
        }
        Page page = new Page(300, blocks);
        PagesSerde serde = new PagesSerde(codec);
        assertRoundTrip(serde, types, page.region(0, 0));
        assertRoundTrip(serde, types, page.region(17, 100));
        assertRoundTrip(serde, types, page.region(299, 1));

        int[] positions = random.ints(150, 0, 300).toArray();
        assertRoundTrip(serde, types, page.copyPositions(positions, 10, 120));
        int[] everyThird = new int[100];
        for (int i = 0; i < everyThird.length; i++) {
            everyThird[i] = i * 3;
        }
        assertRoundTrip(serde, types, page.copyPositions(everyThird, 0, everyThird.length));
    }

    @Test
    void blocksWhoseOffsetsDoNotStartAtZero()
    {
        // views over part of a shared child, as kernels may build them: only the referenced children travel
        Block elements = new LongArrayBlock(8, new boolean[] {false, false, true, false, false, false, false, false}, new long[] {0, 1, 2, 3, 4, 5, 6, 7});
        Block arrays = new ArrayBlock(2, null, new int[] {3, 5, 7}, elements);
        Block strings = new VariableWidthBlock(2, new boolean[] {false, true}, Slices.utf8Slice("..abcdef"), new int[] {2, 5, 5});
        Block maps = new MapBlock(2, null, new int[] {1, 2, 4}, new IntArrayBlock(5, null, new int[] {9, 8, 7, 6, 5}), elements.region(0, 5));
        Type arrayType = new ArrayType(BIGINT);
        Type mapType = new MapType(INTEGER, BIGINT);
        Page page = new Page(2, arrays, strings, maps);
        Page copy = assertRoundTrip(new PagesSerde(CompressionCodec.NONE), List.of(arrayType, VARCHAR, mapType), page);
        assertThat(arrayType.getValue(copy.getBlock(0), 0)).isEqualTo(List.of(3L, 4L));
        assertThat(((ArrayBlock) copy.getBlock(0)).rawElements().positionCount()).isEqualTo(4);
        assertThat(VARCHAR.getValue(copy.getBlock(1), 0)).isEqualTo(Slices.utf8Slice("abc"));
        assertThat(mapType.getValue(copy.getBlock(2), 1)).isEqualTo(mapOf(7, null, 6, 3L));
        assertThat(((MapBlock) copy.getBlock(2)).rawKeys().positionCount()).isEqualTo(3);
    }

    @Test
    void compressesOnlyWhenItSavesSpace()
    {
        long[] repetitive = new long[10_000];
        Arrays.fill(repetitive, 123456789L);
        Page compressible = new Page(new LongArrayBlock(repetitive.length, null, repetitive));
        long[] noise = new Random(1).longs(10_000).toArray();
        Page incompressible = new Page(new LongArrayBlock(noise.length, null, noise));

        int rawSize = new PagesSerde(CompressionCodec.NONE).serialize(compressible).length();
        for (CompressionCodec codec : List.of(CompressionCodec.LZ4, CompressionCodec.ZSTD)) {
            PagesSerde serde = new PagesSerde(codec);
            Slice small = serde.serialize(compressible);
            assertThat((int) small.getUnsignedByte(9)).isEqualTo(codec.id());
            assertThat(small.length()).isLessThan(rawSize / 10);

            Slice stored = serde.serialize(incompressible);
            assertThat((int) stored.getUnsignedByte(9)).isEqualTo(CompressionCodec.NONE.id());
            assertThat(stored.length()).isEqualTo(PagesSerde.HEADER_SIZE + 6 + 8 * noise.length);

            // the codec is in each page: any reader decodes it
            assertRoundTrip(new PagesSerde(CompressionCodec.NONE), List.of(BIGINT), serde.deserialize(small));
            assertThat(new PagesSerde(CompressionCodec.NONE).deserialize(small).getBlock(0).getValue(9_999)).isEqualTo(123456789L);
        }
    }

    @Test
    void headerDescribesThePage()
    {
        Page page = new Page(3, new LongArrayBlock(3, null, new long[] {1, 2, 3}), new IntArrayBlock(3, null, new int[] {1, 2, 3}));
        Slice serialized = new PagesSerde(CompressionCodec.NONE).serialize(page);
        assertThat((int) serialized.getUnsignedByte(0)).isEqualTo(PagesSerde.FORMAT_VERSION);
        assertThat(serialized.getInt(1)).isEqualTo(3);
        assertThat(serialized.getInt(5)).isEqualTo(2);
        assertThat(serialized.getInt(10)).isEqualTo(serialized.getInt(14));
        assertThat(serialized.length()).isEqualTo(PagesSerde.HEADER_SIZE + (6 + 24) + (6 + 12));
        // no null bitmap when no position is null; little-endian values
        assertThat(serialized.getByte(PagesSerde.HEADER_SIZE + 5)).isEqualTo((byte) 0);
        assertThat(serialized.getLong(PagesSerde.HEADER_SIZE + 6)).isEqualTo(1L);
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void everyFlippedByteFails(CompressionCodec codec)
    {
        PagesSerde serde = new PagesSerde(codec);
        Page page = new Page(randomBlock(BIGINT, 40, 0.3, new Random(3)), randomBlock(new MapType(VARCHAR, new ArrayType(INTEGER)), 40, 0.3, new Random(4)));
        Slice serialized = serde.serialize(page);
        for (int index = 0; index < serialized.length(); index++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                Slice corrupted = serialized.copy();
                corrupted.setByte(index, corrupted.getByte(index) ^ mask);
                assertTransportError(() -> serde.deserialize(corrupted));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void truncatedOrExtendedPagesFail(CompressionCodec codec)
    {
        PagesSerde serde = new PagesSerde(codec);
        Page page = new Page(randomBlock(VARCHAR, 60, 0.2, new Random(5)), randomBlock(new DecimalType(38, 3), 60, 0.2, new Random(6)));
        Slice serialized = serde.serialize(page);
        for (int length = 0; length < serialized.length(); length++) {
            Slice truncated = serialized.slice(0, length);
            assertTransportError(() -> serde.deserialize(truncated));
        }
        Slice extended = Slices.allocate(serialized.length() + 1);
        extended.setBytes(0, serialized);
        assertTransportError(() -> serde.deserialize(extended));
    }

    @Test
    void payloadThatIsNotABlockFailsEvenWithAValidChecksum()
    {
        // a writer bug, not a transport error, but still never wrong data: a page claiming a block of kind 99
        Slice serialized = new PagesSerde(CompressionCodec.NONE).serialize(new Page(new IntArrayBlock(1, null, new int[] {5})));
        serialized.setByte(PagesSerde.HEADER_SIZE, 99);
        resealChecksum(serialized);
        assertTransportError(() -> new PagesSerde(CompressionCodec.NONE).deserialize(serialized));

        // offsets that decrease
        Slice strings = new PagesSerde(CompressionCodec.NONE).serialize(new Page(new VariableWidthBlock(2, null, Slices.utf8Slice("abcd"), new int[] {0, 3, 4})));
        strings.setInt(PagesSerde.HEADER_SIZE + 6 + 4, 5);
        resealChecksum(strings);
        assertTransportError(() -> new PagesSerde(CompressionCodec.NONE).deserialize(strings));
    }

    @Test
    void compressedPayloadThatDoesNotDecompressFailsCleanly()
    {
        long[] repetitive = new long[2_000];
        Arrays.fill(repetitive, 42L);
        Page page = new Page(new LongArrayBlock(repetitive.length, null, repetitive));
        for (CompressionCodec codec : List.of(CompressionCodec.LZ4, CompressionCodec.ZSTD)) {
            PagesSerde serde = new PagesSerde(codec);
            Slice serialized = serde.serialize(page);
            assertThat((int) serialized.getUnsignedByte(9)).isEqualTo(codec.id());
            // fuzzing past the checksum (as if a writer had sealed garbage): decoding either fails with the
            // transport error or yields a well-formed page, never another exception or a crash
            for (int index = PagesSerde.HEADER_SIZE; index < serialized.length(); index++) {
                Slice corrupted = serialized.copy();
                corrupted.setByte(index, corrupted.getByte(index) ^ 0x5A);
                resealChecksum(corrupted);
                try {
                    Page copy = serde.deserialize(corrupted);
                    // a flip inside a literal run decodes to another valid stream of the same size
                    assertThat(copy.positionCount()).isEqualTo(repetitive.length);
                }
                catch (StrataException e) {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.PAGE_TRANSPORT_ERROR);
                }
            }
            // a header claiming another uncompressed size
            Slice wrongSize = serialized.copy();
            wrongSize.setInt(10, wrongSize.getInt(10) + 1);
            resealChecksum(wrongSize);
            assertTransportError(() -> serde.deserialize(wrongSize));
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void framedStreamRoundTripsInOrder(CompressionCodec codec)
    {
        List<Type> types = List.of(BIGINT, VARCHAR, new ArrayType(DOUBLE));
        Random random = new Random(11);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int positionCount = i % 10 == 0 ? 0 : random.nextInt(200);
            Block[] blocks = new Block[types.size()];
            for (int channel = 0; channel < blocks.length; channel++) {
                blocks[channel] = randomBlock(types.get(channel), positionCount, random.nextDouble(), random);
            }
            pages.add(new Page(positionCount, blocks));
        }
        PagesSerde serde = new PagesSerde(codec);
        Slice body = serde.serializeFrames(pages);
        List<Page> copies = new PagesSerde(codec).deserializeFrames(body);
        assertThat(copies).hasSize(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertSameValues(types, pages.get(i), copies.get(i));
        }

        DynamicSliceOutput output = new DynamicSliceOutput(16);
        serde.writeFrame(output, pages.get(1));
        serde.writeFrame(output, pages.get(2));
        List<Page> two = serde.deserializeFrames(output.slice());
        assertSameValues(types, pages.get(2), two.get(1));

        // a frame holds exactly what serialize returns
        Slice first = serde.serialize(pages.get(0));
        assertThat(body.getInt(0)).isEqualTo(first.length());
        assertThat(body.slice(4, first.length())).isEqualTo(first);

        assertThat(serde.deserializeFrames(Slices.EMPTY_SLICE)).isEmpty();
        for (int cut : new int[] {1, 3, 4, 20, body.length() / 2, body.length() - 1}) {
            Slice truncated = body.slice(0, cut);
            assertTransportError(() -> serde.deserializeFrames(truncated));
        }
    }

    private static void resealChecksum(Slice serialized)
    {
        long checksum = new XxHash64()
                .update(serialized, 0, PagesSerde.HEADER_SIZE - 8)
                .update(serialized, PagesSerde.HEADER_SIZE, serialized.length() - PagesSerde.HEADER_SIZE)
                .hash();
        serialized.setLong(PagesSerde.HEADER_SIZE - 8, checksum);
    }

    private static void assertTransportError(ThrowingCallable call)
    {
        assertThatThrownBy(call)
                .isInstanceOf(StrataException.class)
                .satisfies(e -> assertThat(((StrataException) e).errorCode()).isEqualTo(ErrorCode.PAGE_TRANSPORT_ERROR))
                .hasMessageContaining("Corrupt serialized page");
    }

    private static Page assertRoundTrip(PagesSerde serde, List<Type> types, Page page)
    {
        Slice serialized = serde.serialize(page);
        Page copy = serde.deserialize(serialized);
        assertSameValues(types, page, copy);
        // serializing the copy gives the same bytes: nothing was lost or reinterpreted
        assertThat(serde.serialize(copy)).isEqualTo(serialized);
        return copy;
    }

    private static void assertSameValues(List<Type> types, Page expected, Page actual)
    {
        assertThat(actual.positionCount()).isEqualTo(expected.positionCount());
        assertThat(actual.channelCount()).isEqualTo(expected.channelCount());
        for (int channel = 0; channel < expected.channelCount(); channel++) {
            Type type = types.get(channel);
            Block expectedBlock = expected.getBlock(channel);
            Block actualBlock = actual.getBlock(channel);
            assertThat(actualBlock.getClass()).isEqualTo(expectedBlock.getClass());
            for (int position = 0; position < expected.positionCount(); position++) {
                assertThat(actualBlock.isNull(position)).isEqualTo(expectedBlock.isNull(position));
                assertThat(type.getValue(actualBlock, position))
                        .as("%s at channel %s position %s", type, channel, position)
                        .isEqualTo(type.getValue(expectedBlock, position));
            }
        }
    }

    private static Type randomType(Random random, int depth)
    {
        int choice = random.nextInt(depth > 0 ? 8 : 5);
        switch (choice) {
            case 0:
                return BIGINT;
            case 1:
                return VARCHAR;
            case 2:
                return BOOLEAN;
            case 3:
                return new DecimalType(38, 10);
            case 4:
                return DOUBLE;
            case 5:
                return new ArrayType(randomType(random, depth - 1));
            case 6:
                return new MapType(random.nextBoolean() ? BIGINT : VARCHAR, randomType(random, depth - 1));
            default:
                List<Type> fields = new ArrayList<>();
                for (int i = random.nextInt(3); i >= 0; i--) {
                    fields.add(randomType(random, depth - 1));
                }
                return RowType.anonymous(fields);
        }
    }

    private static Block randomBlock(Type type, int positionCount, double nullFraction, Random random)
    {
        BlockBuilder builder = type.createBlockBuilder(positionCount);
        for (int position = 0; position < positionCount; position++) {
            builder.appendValue(random.nextDouble() < nullFraction ? null : randomValue(type, random, nullFraction));
        }
        return builder.build();
    }

    /** A random Java value of the type's layout (nested values may hold nulls). */
    private static Object randomValue(Type type, Random random, double nullFraction)
    {
        if (type instanceof ArrayType) {
            Type elementType = ((ArrayType) type).elementType();
            List<Object> elements = new ArrayList<>();
            int length = random.nextInt(5);
            for (int i = 0; i < length; i++) {
                elements.add(random.nextDouble() < nullFraction / 2 ? null : randomValue(elementType, random, nullFraction));
            }
            return elements;
        }
        if (type instanceof MapType) {
            MapType mapType = (MapType) type;
            Map<Object, Object> map = new LinkedHashMap<>();
            int length = random.nextInt(4);
            for (int i = 0; i < length; i++) {
                map.put(randomValue(mapType.keyType(), random, 0), random.nextDouble() < nullFraction / 2 ? null : randomValue(mapType.valueType(), random, nullFraction));
            }
            return map;
        }
        if (type instanceof RowType) {
            List<Object> fields = new ArrayList<>();
            for (Type fieldType : ((RowType) type).fieldTypes()) {
                fields.add(random.nextDouble() < nullFraction / 2 ? null : randomValue(fieldType, random, nullFraction));
            }
            return fields;
        }
        switch (type.layout()) {
            case BYTE:
                return random.nextBoolean();
            case INT:
                return random.nextInt();
            case LONG:
                return random.nextLong();
            case DOUBLE:
                int pick = random.nextInt(10);
                if (pick == 0) {
                    return Double.NaN;
                }
                if (pick == 1) {
                    return -0.0;
                }
                return random.nextGaussian() * 1e6;
            case INT128:
                return new Int128(random.nextLong(), random.nextLong());
            case VARIABLE_WIDTH:
                byte[] bytes = new byte[random.nextInt(20)];
                random.nextBytes(bytes);
                return Slices.wrappedBuffer(bytes);
            default:
                throw new IllegalArgumentException("no random values for " + type);
        }
    }

    private static Object toSliceIfString(Object value)
    {
        return value instanceof String ? Slices.utf8Slice((String) value) : value;
    }

    private static Map<Object, Object> mapOf(Object... keysAndValues)
    {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object key = keysAndValues[i];
            map.put(key instanceof String ? Slices.utf8Slice((String) key) : key, keysAndValues[i + 1]);
        }
        return map;
    }
}
