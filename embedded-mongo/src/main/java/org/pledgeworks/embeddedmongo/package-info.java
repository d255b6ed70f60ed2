/**
 * The local MongoDB: a wire-protocol server (mongo-java-server) storing its data in an H2 file,
 * so the services talk to it through the real driver and their data survives a restart.
 */
package org.pledgeworks.embeddedmongo;
