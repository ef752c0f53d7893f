package org.partnerlifecycle.security;

import java.util.Optional;
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

  @Override
  public String name(String userId) {
    org.camunda.bpm.engine.identity.User user = userId == null ? null
        : identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  @Override
  public Optional<String> email(String userId) {
    org.camunda.bpm.engine.identity.User user = userId == null ? null
        : identityService.createUserQuery().userId(userId).singleResult();
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? Optional.empty()
        : Optional.of(user.getEmail());
  }
}
