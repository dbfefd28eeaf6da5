package com.stonegate.outbox.reliability;

import java.time.Duration;

/**
 * Sizes of the reliability tests: quick in the default {@code mvn verify}, full size under {@code
 * -Pchaos} (which sets {@code -Dreliability.full=true}). RELIABILITY.md lists both.
 */
final class Scale {
  static final boolean FULL = Boolean.getBoolean("reliability.full");

  private Scale() {}

  static int of(int quick, int full) {
    return FULL ? full : quick;
  }

  static Duration of(Duration quick, Duration full) {
    return FULL ? full : quick;
  }
}
