/**
 * Progress of long work on stderr: {@link io.dlkit.cli.progress.Progress} shows a bar on a
 * terminal, plain lines when piped, and nothing with {@code -q}.
 */
package io.dlkit.cli.progress;
