package org.partnerlifecycle.rules;

/** A terms file that cannot be used: names the file, the cell and the reason. Stops startup. */
public class TermsValidationException extends RuntimeException {

  private final String file;
  private final String cell;
  private final String reason;

  public TermsValidationException(String file, String cell, String reason) {
    super("Program terms " + file + ", " + cell + ": " + reason);
    this.file = file;
    this.cell = cell;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public String cell() {
    return cell;
  }

  public String reason() {
    return reason;
  }
}
