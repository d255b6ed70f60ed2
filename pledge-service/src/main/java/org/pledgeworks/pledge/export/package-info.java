/**
 * The export of a campaign's consenting signers for its organisations' admins: a CSV streamed from a
 * database cursor, safe to open in a spreadsheet, each export written to the audit log.
 */
package org.pledgeworks.pledge.export;
