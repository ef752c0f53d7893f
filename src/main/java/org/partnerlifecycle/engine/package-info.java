/**
 * The one seam to Camunda, generic and naming no capability: starting processes and delivering messages
 * ({@link org.partnerlifecycle.engine.ProcessAdapter}), the engine clock, task plumbing (task forms, who completed a
 * task, checked task completions, the task-decision checks) and the engine-level guards of {@code /engine-rest}.
 */
package org.partnerlifecycle.engine;
