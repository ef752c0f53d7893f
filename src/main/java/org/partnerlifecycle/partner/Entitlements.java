package org.partnerlifecycle.partner;

import java.util.ArrayList;
import java.util.List;
import org.partnerlifecycle.rules.EligibilityRules;
import org.partnerlifecycle.rules.Explanation;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Product;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.Tier;

/** What a tier and motion entitle a partner to under the terms: launch methods, products, integration types. */
public record Entitlements(List<String> launchMethods, List<String> products, List<String> integrationTypes,
    List<Explanation> explanations) {

  public static Entitlements of(ProgramTerms terms, Tier tier, Motion motion) {
    var launchMethods = EligibilityRules.launchMethods(terms, tier);
    var integrationTypes = EligibilityRules.integrationTypes(terms, tier, motion);
    List<Explanation> explanations = new ArrayList<>(List.of(launchMethods.explanation(),
        integrationTypes.explanation()));
    List<String> products = new ArrayList<>();
    for (Product product : Product.values()) {
      var allowed = EligibilityRules.productAllowed(terms, tier, motion, product);
      if (allowed.value()) {
        products.add(product.name());
      }
      explanations.add(allowed.explanation());
    }
    return new Entitlements(launchMethods.value().stream().map(Enum::name).toList(), List.copyOf(products),
        integrationTypes.value().stream().map(Enum::name).toList(), List.copyOf(explanations));
  }
}
