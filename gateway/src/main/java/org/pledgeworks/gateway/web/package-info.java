/**
 * The web pages the gateway serves from {@code static/}: the public campaign pages, the page to ask for
 * one's data, and the staff console at {@code /staff/}. Plain HTML, CSS and scripts, no build step, no
 * inline script or style (the Content-Security-Policy forbids both).
 */
package org.pledgeworks.gateway.web;
