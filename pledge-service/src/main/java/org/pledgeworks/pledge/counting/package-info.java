/**
 * Public signature counts: verified signatures only, per campaign and per country, served from memory
 * and refreshed in the background, so a burst of readers never becomes a burst of queries.
 */
package org.pledgeworks.pledge.counting;
