package org.partnerlifecycle.audit;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class AuditSealerOnH2Test extends AuditSealerContract {
}
