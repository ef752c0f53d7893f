package org.partnerlifecycle.security;

import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling the API, and what they may do: the one place our API's role rules are decided.
 * A partner may act only on its own records; anything else looks to it as if the record did not exist.
 */
@Component
public class Caller {

  /** The authenticated principal's name: a staff user id, or {@code partner:<id>}. */
  public String name() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "anonymous" : authentication.getName();
  }

  public boolean isStaff() {
    return principal() instanceof StaffPrincipal;
  }

  /** The calling partner's id, or null when the caller is not a partner. */
  public String partnerId() {
    return principal() instanceof PartnerPrincipal partner ? partner.partnerId() : null;
  }

  public boolean inGroup(String groupId) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).anyMatch(StaffGroups.authority(groupId)::equals);
  }

  /** Staff in one of the groups, or refused. */
  public void requireGroup(String... groupIds) {
    if (Arrays.stream(groupIds).noneMatch(this::inGroup)) {
      throw new AccessDeniedException("Only " + String.join(" or ", groupIds) + " may do this");
    }
  }

  /** Any staff member, or refused. */
  public void requireStaff() {
    if (!isStaff()) {
      throw new AccessDeniedException("Only staff may do this");
    }
  }

  /**
   * The partner itself, or staff who may change partner records (partner managers, admins); auditors and
   * leadership read only. A partner acting for another partner is told the record does not exist.
   */
  public void requireActingFor(String partnerId, java.util.function.Function<String, RuntimeException> notFound) {
    if (partnerId.equals(partnerId())) {
      return;
    }
    if (!isStaff()) {
      throw notFound.apply(partnerId);
    }
    requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
  }

  /** True when the caller may see this partner's records: staff, or the partner itself. */
  public boolean maySee(String partnerId) {
    return isStaff() || partnerId.equals(partnerId());
  }

  private Object principal() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? null : authentication.getPrincipal();
  }
}
