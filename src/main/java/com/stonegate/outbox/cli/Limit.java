package com.stonegate.outbox.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --limit} of the listing commands: a whole number from 1 to {@value #MAX}. */
final class Limit implements ITypeConverter<Integer> {
  static final int MAX = 100_000;

  @Override
  public Integer convert(String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= MAX) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TypeConversionException("expected a whole number from 1 to " + MAX);
  }
}
