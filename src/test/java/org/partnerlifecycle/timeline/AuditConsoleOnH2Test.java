package org.partnerlifecycle.timeline;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class AuditConsoleOnH2Test extends AuditConsoleContract {
}
