package org.partnerlifecycle.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Staff are the Camunda users and groups. */
@Component
class CamundaStaffDirectory implements StaffDirectory {

  private final IdentityService identityService;

  CamundaStaffDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean isMember(String userId, String groupId) {
    return userId != null && identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 1;
  }
}
