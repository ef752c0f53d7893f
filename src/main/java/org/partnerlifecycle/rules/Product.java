package org.partnerlifecycle.rules;

/** Products a partner may sell or integrate (program guide, product engagement eligibility). */
public enum Product {
  PLUS, SIMON, ORO
}
