/** The rnn plugin's pipeline steps: {@code rnn/train}, {@code rnn/sample}, {@code rnn/classify}. */
package io.dlkit.plugins.rnn.pipeline;
