package io.strata.core.fragmenter;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A fragment and the fragments that feed it, a tree with the query's root fragment at the top.
 */
public record SubPlan(PlanFragment fragment, List<SubPlan> children)
{
    public SubPlan
    {
        requireNonNull(fragment, "fragment is null");
        children = List.copyOf(requireNonNull(children, "children is null"));
    }

    /** Every fragment of the tree, parents before children. */
    public List<PlanFragment> allFragments()
    {
        List<PlanFragment> fragments = new ArrayList<>();
        fragments.add(fragment);
        for (SubPlan child : children) {
            fragments.addAll(child.allFragments());
        }
        return fragments;
    }
}
