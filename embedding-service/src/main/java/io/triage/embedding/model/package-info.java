@NullMarked
package io.triage.embedding.model;

import org.jspecify.annotations.NullMarked;
