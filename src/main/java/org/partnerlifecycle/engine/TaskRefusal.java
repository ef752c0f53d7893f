package org.partnerlifecycle.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task command the engine-level task rules refused, naming the field at fault. Camunda's REST resources, on both
 * roots, answer a command's exception by its type, and each command's resource knows different types: completing
 * or submitting a form answers 400 only for a {@link FormFieldValidationException}; writing a task's variables
 * answers only an {@link AuthorizationException} with less than 500; the other task endpoints answer 400 for a
 * {@link BadUserRequestException}. So the refusal takes the type the command's resource maps to a client error.
 */
public interface TaskRefusal {

  /** The variable or argument at fault. */
  String field();

  /** The HTTP status this refusal stands for (also where Camunda's resources cannot express it). */
  int status();

  /** Completing a task or submitting its form: 400. */
  final class OfInput extends FormFieldValidationException implements TaskRefusal {
    private final String field;
    private final int status;

    OfInput(String field, int status, String message, Throwable cause) {
      super(field, message, cause);
      this.field = field;
      this.status = status;
    }

    @Override
    public String field() {
      return field;
    }

    @Override
    public int status() {
      return status;
    }
  }

  /**
   * Writing a task's variables other than by completing it: 403 on the webapps' root, where nothing between 403 and
   * 500 is possible for these resources (they change only through the form); /engine-rest answers its status.
   */
  final class OfVariables extends AuthorizationException implements TaskRefusal {
    private final String field;
    private final int status;

    OfVariables(String field, int status, String message) {
      super(message);
      this.field = field;
      this.status = status == 400 ? 403 : status;
    }

    @Override
    public String field() {
      return field;
    }

    @Override
    public int status() {
      return status;
    }
  }

  /** Any other task command (claim, resolve, identity links, ...): 400, or 404 for an unknown task on /engine-rest. */
  final class OfRequest extends BadUserRequestException implements TaskRefusal {
    private final String field;
    private final int status;

    OfRequest(String field, int status, String message, Throwable cause) {
      super(message, cause);
      this.field = field;
      this.status = status;
    }

    @Override
    public String field() {
      return field;
    }

    @Override
    public int status() {
      return status;
    }
  }

  /** The first refusal in {@code thrown}'s causes, if any. */
  public static TaskRefusal in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskRefusal refusal) {
        return refusal;
      }
    }
    return null;
  }
}
