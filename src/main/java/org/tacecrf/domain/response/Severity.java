package org.tacecrf.domain.response;

/** How a rule violation is handled: an error blocks saving or locking, a warning asks for a look. */
public enum Severity {
    ERROR, WARNING
}
