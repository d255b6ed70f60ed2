/**
 * The mails of staff accounts ({@code staff}, from the gateway): the invitation to join an organisation with
 * a role ({@code staff-invitation-sent.v1}) and the password reset ({@code staff-password-reset-requested.v1}),
 * each with a link that grants an account and so travels sealed. The link is opened here only to check it,
 * then again by the sender as the mail goes out: what is stored holds it sealed. A link that does not open is
 * a record that can never succeed: dead-lettered. Transactional, so sent whatever the person's marketing
 * consent, but never to an address suppressed for a bounce, a complaint or a rejection. Once per event.
 * {@code staff-membership-changed.v1} on the same topic is campaign-service's: skipped.
 */
package org.pledgeworks.notification.staffmail;
