/**
 * The export of a campaign's consenting signers for its organisations' admins: a CSV streamed from a
 * database cursor, safe to open in a spreadsheet, each export written to the application's audit log and
 * announced as {@code signers-exported.v1} for the organisations' audit log in campaign-service.
 */
package org.pledgeworks.pledge.export;
