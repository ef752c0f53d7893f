package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a registration must carry, beyond its fields' own formats: its motion is one the partner contracted (SPEC §2
 * "Motion"); an ADD_ON carries its seats (purchasing guide, seed 003 line 46: "The cost of additional seats is
 * proportional to the time that remains in the subscription's term"), other deal types do not; a VOLUME licence
 * lasts 12 months (seed 003 line 50: "It lasts for 12 months from the date of purchase").
 */
public final class RegistrationRules {

  /** A field of the registration and what is wrong with it. */
  public record FieldIssue(String field, String message) {
  }

  private RegistrationRules() {
  }

  public static List<FieldIssue> check(ProgramTerms terms, Collection<Motion> contracted, Motion motion,
      DealType dealType, LicenseType licenseType, int termMonths, Integer seats, BigDecimal unitPrice,
      Integer remainingMonths) {
    Args.required("terms", terms);
    List<FieldIssue> issues = new ArrayList<>();
    if (motion != null && !contracted.contains(motion)) {
      issues.add(new FieldIssue("motion", "is not one of the partner's contracted motions " + contracted
          + ": a partner manager can add it (PUT /api/partners/{id}/motions)"));
    }
    if (licenseType == LicenseType.VOLUME && termMonths != terms.volumeLicenceMonths()) {
      issues.add(new FieldIssue("termMonths", "must be " + terms.volumeLicenceMonths()
          + " for a VOLUME licence: it lasts " + terms.volumeLicenceMonths() + " months from the date of purchase"));
    }
    if (dealType == DealType.ADD_ON) {
      if (seats == null) {
        issues.add(new FieldIssue("seats", "is required for an ADD_ON registration"));
      }
      if (unitPrice == null) {
        issues.add(new FieldIssue("unitPrice", "is required for an ADD_ON registration (per seat per term)"));
      }
      if (remainingMonths == null) {
        issues.add(new FieldIssue("remainingMonths", "is required for an ADD_ON registration"));
      } else if (remainingMonths > termMonths) {
        issues.add(new FieldIssue("remainingMonths", "must not be more than termMonths (" + termMonths + ")"));
      }
    } else if (dealType != null) {
      String notHere = "belongs to an ADD_ON registration only, not " + dealType;
      if (seats != null) {
        issues.add(new FieldIssue("seats", notHere));
      }
      if (unitPrice != null) {
        issues.add(new FieldIssue("unitPrice", notHere));
      }
      if (remainingMonths != null) {
        issues.add(new FieldIssue("remainingMonths", notHere));
      }
    }
    return issues;
  }
}
