@NullMarked
package io.triage.testsupport;

import org.jspecify.annotations.NullMarked;
