/**
 * HTTP: the pages a subscriber meets from a mail (unsubscribe, preferences, follow confirmation), the
 * follow API, the provider's webhooks, and the staff API (template previews, delivery stats, consent
 * proof). Pages are plain server-rendered HTML; a GET never changes anything (mail scanners follow
 * links), a POST does.
 */
package org.pledgeworks.notification.web;
