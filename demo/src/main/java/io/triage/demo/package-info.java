@NullMarked
package io.triage.demo;

import org.jspecify.annotations.NullMarked;
