@NullMarked
package io.triage.rules.catalog;

import org.jspecify.annotations.NullMarked;
