/** Backup and restore of the local stack's MongoDB data: one gzip'd file of extended-JSON lines (BackupArchive). */
package org.pledgeworks.infra.backup;
