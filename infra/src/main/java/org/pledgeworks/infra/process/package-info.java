/**
 * Child process supervision: start a JVM with its output appended to a log file, wait until a
 * health probe passes (failing fast, with the log's last lines, if the process dies first), and
 * stop it gently before stopping it hard.
 */
package org.pledgeworks.infra.process;
