package org.gan4j.api.config;

/**
 * A variant whose settings must agree with each other (a required key, two lists of equal length).
 * The config loader calls {@link #validate()} after binding; the exception's message names the key
 * and what is accepted, and the loader adds the file and line of the section.
 */
public interface Validated {

    /** Checks the settings together; throws {@link IllegalArgumentException} saying what is wrong. */
    void validate();
}
