package org.partnerlifecycle.mdf;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class MdfApiOnH2Test extends MdfApiContract {
}
