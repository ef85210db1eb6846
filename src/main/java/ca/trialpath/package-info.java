/**
 * The application's root: {@link ca.trialpath.TrialPathApplication}, the Spring Boot configuration every mode
 * starts (its beans found by scanning the packages below). It depends on none of them; the jar's entry point, which
 * decides the mode, is {@code ca.trialpath.cli.TrialPathCommand}.
 */
package ca.trialpath;
