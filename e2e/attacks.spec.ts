/**
 * Issue 13: what a black-box probe of the production build found, each defect as an attack that
 * must fail. One group per module under e2e/attacks/ (each defines its own test.describe block),
 * so a group's helpers stay beside its tests and each file stays readable.
 */
import "./attacks/auth-and-limits";
import "./attacks/bad-input";
import "./attacks/mail-and-secrets";
import "./attacks/boundaries";
import "./attacks/issue-19";
