package io.triage.tickets;

import java.util.List;

/**
 * One kind of problem a department handles (e.g. Billing / duplicate charge) with its phrasings.
 *
 * @param department the department label of tickets written from it
 * @param name       short case name, e.g. {@code duplicate-charge}
 * @param severity   -1 leans towards low urgency, 0 neutral, 1 leans towards high urgency
 * @param subjects   subject templates
 * @param bodies     description body templates
 */
record Scenario(String department, String name, int severity, List<String> subjects, List<String> bodies) {
}
