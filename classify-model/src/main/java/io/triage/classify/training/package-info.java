/** Training: reading labelled files, splitting, fitting and calibrating the candidate models. */
@NullMarked
package io.triage.classify.training;

import org.jspecify.annotations.NullMarked;
