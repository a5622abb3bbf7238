/** Signed archive manifests: the statement an archiver signs, its key, and the verified archives it yields. */
@NullMarked
package io.triage.audit.manifest;

import org.jspecify.annotations.NullMarked;
