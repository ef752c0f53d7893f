package org.partnerlifecycle.web;

import org.partnerlifecycle.support.ApplicationTest;
import org.springframework.test.context.TestPropertySource;

@ApplicationTest
@TestPropertySource(properties = ApplicationRateLimitContract.LOW_LIMIT)
class ApplicationRateLimitOnH2Test extends ApplicationRateLimitContract {
}
