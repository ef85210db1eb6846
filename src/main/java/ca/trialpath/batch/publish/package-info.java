/**
 * The last step: the partitions put together in order, the run checked (read = assessed + rejected + not in
 * scope, the reject rate), the run history and the screening log stored, the page written, and the folder
 * published at once.
 */
package ca.trialpath.batch.publish;
