package org.partnerlifecycle.program;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class ProgramApiOnH2Test extends ProgramApiContract {
}
