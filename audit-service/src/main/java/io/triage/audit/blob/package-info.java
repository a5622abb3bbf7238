/** Azure Blob Storage containers written once: the archive store's and the checkpoint mirror's. */
@NullMarked
package io.triage.audit.blob;

import org.jspecify.annotations.NullMarked;
