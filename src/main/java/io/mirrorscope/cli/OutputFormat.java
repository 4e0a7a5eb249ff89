package io.mirrorscope.cli;

/** How a command prints its result: machine-readable JSON or a compact table for a terminal. */
public enum OutputFormat {
    json,
    table
}
