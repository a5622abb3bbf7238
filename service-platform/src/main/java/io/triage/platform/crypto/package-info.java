/** Keyed hashes of personal identifiers, kept instead of the identifiers themselves. */
@NullMarked
package io.triage.platform.crypto;

import org.jspecify.annotations.NullMarked;
