/**
 * The one-command local stack: {@link org.pledgeworks.infra.Launcher} ({@code ./pledgeworks up}),
 * its configuration from the environment ({@link org.pledgeworks.infra.StackConfig}) and
 * {@link org.pledgeworks.infra.LocalStack}, which starts Kafka, MongoDB, the mail catcher and the
 * services as separate processes and stops them again; the end-to-end tests use it too.
 */
package org.pledgeworks.infra;
