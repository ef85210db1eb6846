/**
 * What a run publishes and where: the run's folders (staged, then moved into place whole), the CSV, JSON Lines and
 * summary.json formats, and report.html with its trial section and charts.
 */
package ca.trialpath.report;
