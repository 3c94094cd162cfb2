package io.strata.core.fragmenter;

/**
 * A fragment of a query's plan; its stage has the same number.
 */
public record PlanFragmentId(int id)
{
    public PlanFragmentId
    {
        if (id < 0) {
            throw new IllegalArgumentException("fragment id is negative: " + id);
        }
    }

    @Override
    public String toString()
    {
        return Integer.toString(id);
    }
}
