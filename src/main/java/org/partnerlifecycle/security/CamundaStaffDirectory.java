package org.partnerlifecycle.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Staff are the Camunda users and groups. */
@Component
public class CamundaStaffDirectory implements StaffDirectory {

  private final IdentityService identityService;

  public CamundaStaffDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean isMember(String userId, String groupId) {
    return userId != null && identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 1;
  }
}
