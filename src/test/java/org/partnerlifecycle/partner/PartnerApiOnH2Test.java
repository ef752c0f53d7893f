package org.partnerlifecycle.partner;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class PartnerApiOnH2Test extends PartnerApiContract {
}
