/**
 * What a service's HTTP API shares with the others: the exception for a bad field that Bean Validation
 * cannot catch. How it becomes a problem response stays each service's (its {@code system/} handler).
 */
package org.pledgeworks.kit.web;
