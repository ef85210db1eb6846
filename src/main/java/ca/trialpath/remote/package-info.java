/**
 * Remote partitioning: the manager's wiring that sends a run's partitions to other JVMs over JMS, and the worker
 * that assesses them against the shared job repository ({@code java -jar trialpath.jar worker},
 * docs/remote-partitioning.md).
 */
package ca.trialpath.remote;
