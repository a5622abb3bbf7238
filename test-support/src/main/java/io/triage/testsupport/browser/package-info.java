/**
 * Running a playwright-core script in Debian's Chromium from a test (the console's pages, and the review queue against
 * the real services in system-tests): finds the tools, runs the script, and reads its verdict.
 */
@NullMarked
package io.triage.testsupport.browser;

import org.jspecify.annotations.NullMarked;
