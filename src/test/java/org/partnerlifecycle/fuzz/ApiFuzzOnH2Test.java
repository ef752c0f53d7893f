package org.partnerlifecycle.fuzz;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class ApiFuzzOnH2Test extends ApiFuzzContract {
}
