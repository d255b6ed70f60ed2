/*
 * staff/index.html: the staff console, loaded as ES modules (one per screen, under js/staff/):
 *   shared.js          DOM helpers, messages and problem details, the session, the API call
 *   sign-in.js         sign in (password or pasted token) and out
 *   password.js        choose a new password at first sign-in, or change it
 *   campaign-list.js   the signed-in person's campaigns
 *   campaign-editor.js one campaign: edit, publish, close, export; opening it loads the sections below
 *   counts.js          signatures by country and by day
 *   sources.js         signatures by source and by referral
 *   embed.js           the sites that may embed the campaign, and the code to paste
 *   updates.js         updates: write, preview, schedule, publish
 *   quarantine.js      moderation of held signatures
 *   delivery.js        delivery statistics from notification-service
 *   card.js            the progress card; card-forms.js its forms
 *   staff-members.js   an organisation's members and invitations, for its admins
 *
 * Calls:
 *   POST /api/auth/token                                        sign in (403 passwordChangeRequired: choose one first)
 *   POST /api/auth/password {email, password, newPassword}      change the password; answers a token as sign-in does
 *   GET  /api/staff/campaigns                                   own campaigns
 *   POST /api/staff/campaigns, PUT /api/staff/campaigns/{id}    create, edit
 *   POST /api/staff/campaigns/{id}/publish | /close             publish, close
 *   GET  /api/campaigns/{slug}/count                            by country
 *   GET  /api/campaigns/{slug}/pledges/history?resolution=day   over time
 *   GET  /api/staff/pledges/campaigns/{slug}/sources            by source and by referral
 *   GET|PUT /api/staff/campaigns/{id}/embed {origins}           the sites that may frame /embed/{slug}
 *   GET  /api/staff/campaigns/{id}/updates, POST (write)
 *   GET  /api/staff/campaigns/{id}/updates/{u}/preview, POST .../schedule {publishAt}, POST .../publish
 *   GET  /api/staff/pledges/campaigns/{slug}/quarantine, POST .../quarantine/release | /invalidate {domain}
 *   GET  /api/staff/campaigns/{id}/card                         the progress card (framework, scores per target)
 *   PUT  /api/staff/campaigns/{id}/card/framework {themes}      themes -> indicators (the whole list each time)
 *   POST /api/staff/campaigns/{id}/card/targets {name, kind}    add a target
 *   PUT  /api/staff/campaigns/{id}/card/targets/{t}/assessments {cycle, indicatorId, value, evidenceLink, evidenceNote}
 *   GET  /api/staff/campaigns/{id}/card/targets/{t}/history     a target's scores per cycle and assessments
 *   GET  /api/staff/notifications/campaigns/{id}/messages       delivery stats per update/milestone, every 10 s
 *   GET  /api/staff/pledges/campaigns/{slug}/signers.csv        export of consenting signers (when pledge-service has it)
 *   GET  /api/auth/organisations/{org}/members                  members and pending invitations (admins)
 *   POST /api/auth/organisations/{org}/invitations {email, role, name}, POST .../invitations/{i}/resend, DELETE .../invitations/{i}
 *   PATCH /api/auth/organisations/{org}/members/{a} {role}, DELETE .../members/{a}
 */
import { token } from './staff/shared.js';
import { signOut } from './staff/sign-in.js';
import { showCampaigns } from './staff/campaign-list.js';
import './staff/card-forms.js';
import './staff/staff-members.js';

if (token()) {
  showCampaigns();
} else {
  signOut(null);
}
