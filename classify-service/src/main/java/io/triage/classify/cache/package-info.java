/**
 * The semantic-cache tier: reuse a near-duplicate historical ticket's labels when reusing them has been right.
 */
@NullMarked
package io.triage.classify.cache;

import org.jspecify.annotations.NullMarked;
