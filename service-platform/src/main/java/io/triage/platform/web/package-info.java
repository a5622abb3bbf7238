@NullMarked
package io.triage.platform.web;

import org.jspecify.annotations.NullMarked;
