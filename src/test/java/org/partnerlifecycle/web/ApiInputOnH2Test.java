package org.partnerlifecycle.web;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class ApiInputOnH2Test extends ApiInputContract {
}
