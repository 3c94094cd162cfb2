package io.strata.protocol;

/**
 * Who is to blame for a failure; each type owns one range of {@link ErrorCode} numbers.
 */
public enum ErrorType
{
    USER_ERROR(0x0000_0000, 0x0001_0000),
    INTERNAL_ERROR(0x0001_0000, 0x0002_0000),
    INSUFFICIENT_RESOURCES(0x0002_0000, 0x0003_0000),
    EXTERNAL(0x0100_0000, 0x0200_0000);

    private final int firstCode;
    private final int endCode;

    ErrorType(int firstCode, int endCode)
    {
        this.firstCode = firstCode;
        this.endCode = endCode;
    }

    /** First code of this type's range. */
    public int firstCode()
    {
        return firstCode;
    }

    /** One past the last code of this type's range. */
    public int endCode()
    {
        return endCode;
    }

    public boolean contains(int code)
    {
        return code >= firstCode && code < endCode;
    }
}
