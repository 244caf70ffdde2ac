package dev.hardock.engine;

/**
 * Something the run did not lint and says so: a file Docker would use that was skipped (deeper than the walk
 * goes, a link out of the project), or a part of a file that was not read (shells nested deeper than hardock
 * follows). Not a finding (nothing is wrong with the file), but never silent: the command line prints each one
 * on stderr and counts them in the summary. {@code path} is the file as shown, {@code message} says what was
 * skipped and why; both come from the linted tree, so printers escape them.
 */
public record Notice(String path, String message) {}
