/**
 * The problem answers of the REST API (problem+json) and the input patterns its requests share.
 */
package org.partnerlifecycle.web;
