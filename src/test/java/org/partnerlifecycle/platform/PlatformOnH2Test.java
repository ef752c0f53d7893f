package org.partnerlifecycle.platform;

import org.partnerlifecycle.support.ApplicationTest;

/** The platform contract on the default run mode's database (H2) with its demo users. */
@ApplicationTest
class PlatformOnH2Test extends PlatformSecurityContract {
}
