package org.partnerlifecycle.rules;

/** Kinds of deal a registration is for. ADD_ON seats are new business priced for the rest of the term. */
public enum DealType {
  NEW, RENEWAL, ADD_ON
}
