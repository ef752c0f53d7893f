package org.partnerlifecycle.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Transactions wrap every other advice (the audit aspect runs at the lowest precedence, inside them), so an audit
 * record commits or rolls back with the change it records.
 */
@Configuration
@EnableTransactionManagement(order = Ordered.LOWEST_PRECEDENCE - 100, proxyTargetClass = true)
public class TransactionOrderConfiguration {
}
