package io.strata.core.execution.task;

import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.session.Session;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A create-or-update of a task: the first carries the fragment; later ones carry more splits. Repeating an
 * update is harmless (splits are numbered), so a scheduler may retry it.
 */
public record TaskUpdateRequest(Session session, Optional<PlanFragment> fragment, List<SplitAssignment> splitAssignments, OutputBuffers outputBuffers)
{
    public TaskUpdateRequest
    {
        requireNonNull(session, "session is null");
        requireNonNull(fragment, "fragment is null");
        splitAssignments = List.copyOf(requireNonNull(splitAssignments, "splitAssignments is null"));
        requireNonNull(outputBuffers, "outputBuffers is null");
    }
}
