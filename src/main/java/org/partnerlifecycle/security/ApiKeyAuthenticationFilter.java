package org.partnerlifecycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <api key>} on {@code /api/**}: the caller is that key's partner. */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private final ApiKeys apiKeys;
  private final ProblemAuthenticationHandlers problems;

  public ApiKeyAuthenticationFilter(ApiKeys apiKeys, ProblemAuthenticationHandlers problems) {
    this.apiKeys = apiKeys;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<PartnerPrincipal> partner = apiKeys.authenticate(header.substring(7).trim());
      if (partner.isEmpty()) {
        problems.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
        return;
      }
      SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
          partner.get(), null, List.of(new SimpleGrantedAuthority(PartnerPrincipal.AUTHORITY))));
    }
    chain.doFilter(request, response);
  }
}
