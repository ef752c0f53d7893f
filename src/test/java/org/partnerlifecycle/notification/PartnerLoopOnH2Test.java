package org.partnerlifecycle.notification;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class PartnerLoopOnH2Test extends PartnerLoopContract {
}
