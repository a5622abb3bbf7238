#!/usr/bin/env bash
# Prints the benchmark's field mapping for one source ($1: servicenow | zendesk | jira): every department of the
# demo's taxonomy automated, each to its own group, and urgencies to the source's priority fields.
set -euo pipefail
departments=("Billing" "Technical Support" "Security" "Sales" "Account Management" "Shipping/Delivery" "General Enquiry")
echo "levels:"
echo "  default: automate"
echo "departments:"
i=0
for d in "${departments[@]}"; do
  i=$((i + 1))
  case "$1" in
    servicenow) printf '  "%s":\n    assignment_group: %032x\n' "$d" "$i" ;;
    zendesk) printf '  "%s":\n    group_id: %d\n' "$d" $((360000 + i)) ;;
    jira) printf '  "%s":\n    team: "team-%d"\n' "$d" "$i" ;;
  esac
done
echo "urgencies:"
case "$1" in
  servicenow) printf '  Critical: {urgency: "1", impact: "1"}\n  High: {urgency: "1", impact: "2"}\n  Medium: {urgency: "2", impact: "2"}\n  Low: {urgency: "3", impact: "3"}\n' ;;
  zendesk) printf '  Critical: {priority: urgent}\n  High: {priority: high}\n  Medium: {priority: normal}\n  Low: {priority: low}\n' ;;
  jira) printf '  Critical: {priority: Highest}\n  High: {priority: High}\n  Medium: {priority: Medium}\n  Low: {priority: Low}\n' ;;
esac
case "$1" in
  servicenow) printf 'review:\n  assignment_group: %032x\n' 99 ;;
  *) printf 'review:\n  tags: [triage_review]\ntags: [auto_triaged]\n' ;;
esac
