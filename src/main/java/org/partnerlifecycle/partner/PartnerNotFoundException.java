package org.partnerlifecycle.partner;

import org.partnerlifecycle.web.NotFoundException;

/** No partner with this id, or none the caller may see (the API answers 404 in both cases). */
public class PartnerNotFoundException extends NotFoundException {

  public PartnerNotFoundException(String partnerId) {
    super("No partner " + partnerId);
  }
}
