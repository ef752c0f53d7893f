package org.partnerlifecycle.warning;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class WarningApiOnH2Test extends WarningApiContract {
}
