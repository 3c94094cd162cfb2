package io.strata.core.execution.buffer;

/**
 * One consumer's buffer of a task: the partition of the output it reads.
 */
public record OutputBufferId(int id)
{
    public OutputBufferId
    {
        if (id < 0) {
            throw new IllegalArgumentException("buffer id is negative: " + id);
        }
    }

    @Override
    public String toString()
    {
        return Integer.toString(id);
    }
}
