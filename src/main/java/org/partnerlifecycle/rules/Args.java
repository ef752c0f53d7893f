package org.partnerlifecycle.rules;

/** Argument checks for the rules' public methods: a bad argument is refused with its name, never an NPE. */
final class Args {

  private Args() {
  }

  static <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
