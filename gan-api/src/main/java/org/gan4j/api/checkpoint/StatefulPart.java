package org.gan4j.api.checkpoint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * State a variant keeps between steps that a checkpoint must hold for a resumed run to continue
 * exactly as an uninterrupted one (spectral-norm vectors, EMA weights, a schedule's position, a
 * regularizer's running anchors). The trainer saves every stateful part of a run into a named section
 * of each checkpoint and loads it back on resume, so adding state never changes the checkpoint format.
 */
public interface StatefulPart {

    /** The section's name, unique within a run and stable across versions, e.g. {@code regularizer.lecam}. */
    String stateSection();

    /**
     * Writes the state. The checkpoint frames the section with its length, so any encoding works;
     * arrays are best written by parameter name, never by a process-specific id.
     */
    void saveState(DataOutputStream out) throws IOException;

    /**
     * Reads back what {@link #saveState} wrote. {@code in} ends where the section ends; state that
     * does not fit this run (wrong length or shape) is an {@link IOException} saying what differs.
     */
    void loadState(DataInputStream in) throws IOException;
}
