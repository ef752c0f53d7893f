package org.partnerlifecycle.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.partnerlifecycle.security.StaffGroups;
import org.springframework.stereotype.Component;

/** The demo staff of the default run mode (SPEC §5); password = user id. Never created in profile postgres. */
@Component
class DemoUsers {

  private static final String[][] USERS = {
      // id, first name, last name, group
      {"mary", "Mary", "Manager", StaffGroups.PARTNER_MANAGERS},
      {"paul", "Paul", "Manager", StaffGroups.PARTNER_MANAGERS},
      {"lena", "Lena", "Leader", StaffGroups.LEADERSHIP},
      {"ada", "Ada", "Auditor", StaffGroups.AUDITORS},
      {"fiona", "Fiona", "Finance", StaffGroups.FINANCE}};

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void ensureDemoUsers() {
    for (String[] u : USERS) {
      if (identityService.createUserQuery().userId(u[0]).count() == 0) {
        User user = identityService.newUser(u[0]);
        user.setFirstName(u[1]);
        user.setLastName(u[2]);
        user.setPassword(u[0]);
        user.setEmail(u[0] + "@example.org");
        identityService.saveUser(user);
      }
      if (identityService.createUserQuery().userId(u[0]).memberOfGroup(u[3]).count() == 0) {
        identityService.createMembership(u[0], u[3]);
      }
    }
  }
}
