package org.partnerlifecycle.api;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class ApiInputOnH2Test extends ApiInputContract {
}
