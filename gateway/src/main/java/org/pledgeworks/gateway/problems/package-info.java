/**
 * How the gateway answers its own errors: RFC 9457 problem details on the API paths, carrying the
 * request's correlation id, both from the exception handler and for the filters that answer before any
 * controller (size and rate limits, sign-in failures, refused tokens). Every feature that refuses a
 * request uses it; it uses only the correlation id.
 */
package org.pledgeworks.gateway.problems;
