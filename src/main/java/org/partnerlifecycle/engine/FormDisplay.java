package org.partnerlifecycle.engine;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows, set by the engine when it creates the task (a create listener on every user task), as
 * task variables that end with the task:
 * <ul>
 *   <li>A read-only field {@code <name>Text} shows variable {@code <name>} as {@link FormText#of} words it: a code
 *       as its label, a date or time with its zone, a staff user id as the user's name. A process that sets
 *       {@code <name>Text} itself (money, sentences) keeps its own text.</li>
 *   <li>A select whose {@code valuesExpression} names {@code <group>Choices} (camel case of the group id:
 *       {@code partnerManagersChoices} for {@code partner-managers}) offers the group's members by name: the
 *       variable is {@code id=First Last;id=First Last}, which the expression splits (a Camunda Forms select reads
 *       lists only from JSON variables, which this engine does not store).</li>
 * </ul>
 */
@Component
public class FormDisplay extends AbstractProcessEnginePlugin implements TaskListener {

  static final String TEXT_SUFFIX = "Text";
  static final String CHOICES_SUFFIX = "Choices";

  private final TaskForms forms;
  private final IdentityService identityService;

  public FormDisplay(TaskForms forms, @Lazy IdentityService identityService) {
    this.forms = forms;
    this.identityService = identityService;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.onEveryUserTask(configuration,
        (userTaskElement, definition) -> definition.addTaskListener(TaskListener.EVENTNAME_CREATE, this));
  }

  @Override
  public void notify(DelegateTask task) {
    // A task being created has no variables of its own yet: its execution's are all there are, and asking the task
    // would read its (empty) variables from the database first.
    DelegateExecution execution = task.getExecution();
    forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).ifPresent(form -> {
      for (String field : form.readOnlyFields()) {
        String source = wordedBy(field);
        // A transient source (the review's due time) is not kept, and neither is its wording: the process hands
        // the form its text another way (FormFacts).
        if (source != null && execution.getVariable(field) == null && execution.hasVariable(source)
            && !execution.getVariableTyped(source, false).isTransient()) {
          task.setVariableLocal(field, FormText.of(execution.getVariable(source), this::staffName));
        }
      }
      for (String choices : form.choiceVariables()) {
        task.setVariableLocal(choices, membersOf(groupOf(choices)));
      }
    });
  }

  /** The variable a read-only field {@code <name>Text} words, or null when the field is no such text. */
  static String wordedBy(String field) {
    return field.endsWith(TEXT_SUFFIX) && field.length() > TEXT_SUFFIX.length()
        ? field.substring(0, field.length() - TEXT_SUFFIX.length()) : null;
  }

  /** A staff user's name, or null when the text is no user id. */
  String staffName(String userId) {
    if (!userId.matches("[A-Za-z0-9._-]{1,64}")) {
      return null;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? null : nameOf(user);
  }

  private static String nameOf(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** {@code partnerManagersChoices} is the group {@code partner-managers}. */
  static String groupOf(String choicesVariable) {
    String camel = choicesVariable.substring(0, choicesVariable.length() - CHOICES_SUFFIX.length());
    return camel.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
  }

  private String membersOf(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc()
        .orderByUserFirstName().asc().list().stream()
        .map(user -> user.getId() + "=" + nameOf(user).replaceAll("[;=]", " "))
        .collect(Collectors.joining(";"));
  }
}
