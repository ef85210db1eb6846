/**
 * Care of the job repository: the Flyway migration that creates the Spring Batch tables, and the watermark and
 * nightly H2 backups that tell a damaged or replaced repository from a fresh one.
 */
package ca.trialpath.repository;
