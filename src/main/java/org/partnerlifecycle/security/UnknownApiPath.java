package org.partnerlifecycle.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches a request under {@code /api} that no controller maps at all (any method), so it may pass unauthenticated
 * and be answered 404 problem+json by {@code ApiPathProblems}, for anonymous callers too: an unknown path is not a
 * question of who asks. A known path with another method is not matched (it is answered 401, or 405 when
 * authenticated). The endpoints are public knowledge (SPEC §4, OpenAPI), so the 401/404 difference tells nothing.
 */
final class UnknownApiPath implements RequestMatcher {

  private final ApplicationContext context;
  private volatile HandlerMapping controllers;

  UnknownApiPath(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
    try {
      if (parsed == null) {
        ServletRequestPathUtils.parseAndCache(request);
      }
      return controllers().getHandler(request) == null;
    } catch (Exception anotherMethodOrMediaType) {
      return false;
    } finally {
      if (parsed == null) {
        ServletRequestPathUtils.clearParsedRequestPath(request);
      }
    }
  }

  private HandlerMapping controllers() {
    if (controllers == null) {
      controllers = context.getBean("requestMappingHandlerMapping", HandlerMapping.class);
    }
    return controllers;
  }
}
