/**
 * The audit log of each organisation: who of its staff did what to which campaign, profile or member, and
 * when — for its admins and the platform operators to read ({@code GET /api/staff/organisations/{id}/audit}),
 * kept {@link AuditPurge#KEPT 400 days}. Features record their staff actions through {@link AuditLog}, right
 * after the write that makes them (this package imports no feature, so every feature may call it); the
 * gateway's membership changes and pledge-service's signer exports arrive as events. An entry names staff,
 * campaigns and organisations, never a signer.
 */
package org.pledgeworks.campaign.audit;
