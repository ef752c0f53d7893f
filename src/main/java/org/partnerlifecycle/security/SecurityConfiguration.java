package org.partnerlifecycle.security;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**}: stateless; HTTP Basic against the Camunda users (staff), {@code Bearer <api key>}
 *       (partners); anonymous only for the
 *       partner application and the public directory. Finer rules (which group, which partner) sit on the
 *       controllers.</li>
 *   <li>{@code /engine-rest/**}: Camunda's own {@link ProcessEngineAuthenticationFilter} with HTTP Basic, so
 *       the engine's authorization checks apply to the caller.</li>
 *   <li>{@code /audit/**}: the auditors' console, for auditors and admins (HTTP Basic or its login page).</li>
 *   <li>{@code /camunda/**}: the Camunda webapps keep their own session login and CSRF protection.</li>
 * </ul>
 * Every password check (Basic on both, the webapps' login form) goes through {@link LoginThrottle} first.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems, ApiKeys apiKeys,
      ApplicationContext context) throws Exception {
    return http
        .securityMatcher("/api/**")
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/partner-applications").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/directory").permitAll()
            // No controller at this path: answered 404 problem+json for anyone (ApiPathProblems).
            .requestMatchers(new UnknownApiPath(context)).permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // Stateless API: no session cookie, so no cross-site request can ride on one.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * The auditors' console ({@code /audit/**}): auditors and admins only, with HTTP Basic (scripts, curl) or a login
   * page (browsers, a session). Read-only pages: the only POSTs are login and logout, CSRF-protected.
   */
  @Bean
  @Order(2)
  SecurityFilterChain auditConsoleSecurity(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/audit", "/audit/**")
        .authorizeHttpRequests(requests -> requests
            // The login page and the static files (ours and bpmn-js's, public anyway): a browser that is not signed in
            // must not meet a Basic challenge on a stylesheet, which would hold its page open on a password prompt.
            .requestMatchers("/audit/login", "/audit/console.css", "/audit/console.js", "/audit/bpmn-js/**").permitAll()
            .anyRequest().hasAnyAuthority(StaffGroups.authority(StaffGroups.AUDITORS),
                StaffGroups.authority(StaffGroups.ADMIN)))
        .httpBasic(basic -> basic.realmName("Partner Lifecycle audit console"))
        .formLogin(form -> form.loginPage("/audit/login").defaultSuccessUrl("/audit/", false)
            // 401, not a redirect: LoginThrottle counts failed logins by their status.
            .failureHandler((request, response, failure) -> {
              response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
              response.setContentType("text/html;charset=UTF-8");
              response.getWriter().write("<!doctype html><title>Login failed</title><p>Wrong user name or password."
                  + " <a href=\"/audit/login\">Try again</a></p>");
            }))
        .logout(logout -> logout.logoutUrl("/audit/logout").logoutSuccessUrl("/audit/login?logout"))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            // bpmn-js sets style attributes on the diagram's SVG elements; every script is a file of ours.
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "frame-ancestors 'none'; form-action 'self'")))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain camundaAppsAndEngineRest(HttpSecurity http) throws Exception {
    // The webapps and /engine-rest authenticate themselves (see class comment); Spring Security stays out.
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .build();
  }

  /** Before Spring Security's filter chain (order -100) and the engine's authentication filter. */
  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle(
      @Value("${partner-lifecycle.login-throttle.free-failures:" + LoginThrottle.FREE_FAILURES + "}") int free) {
    FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle(free));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*", "/audit/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
