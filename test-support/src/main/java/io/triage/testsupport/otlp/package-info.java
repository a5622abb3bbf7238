/** An in-process OTLP/HTTP trace receiver: services export their spans to it, tests assert on them. */
@NullMarked
package io.triage.testsupport.otlp;

import org.jspecify.annotations.NullMarked;
