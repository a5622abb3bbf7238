/** Compiles a rule set into product automata and evaluates tickets against it: first match wins, in linear time. */
@NullMarked
package io.triage.rules.engine;

import org.jspecify.annotations.NullMarked;
