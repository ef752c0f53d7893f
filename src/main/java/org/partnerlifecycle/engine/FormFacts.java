package org.partnerlifecycle.engine;

import java.util.Map;

/**
 * The facts a process's forms show that it keeps in its own tables rather than as process variables (issue 30: a
 * variable costs a runtime row, a history row and their index entries at every start, for a value only a form
 * reads). {@link ReadTimeFormFacts} hands them to a task's form when the form's variables are read.
 */
public interface FormFacts {

  /** The process whose tasks' forms show these facts. */
  String processKey();

  /**
   * The facts of the case with this business key, by form field: a String, Boolean or number each; empty when there
   * are none (yet). A process variable of the same name wins over a fact.
   */
  Map<String, Object> of(String businessKey);
}
