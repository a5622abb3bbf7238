@NullMarked
package io.triage.embedding.api;

import org.jspecify.annotations.NullMarked;
