@NullMarked
package io.triage.embedding.config;

import org.jspecify.annotations.NullMarked;
