package org.partnerlifecycle.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rules Camunda's authorizations cannot express, enforced inside the engine so they hold on {@code /engine-rest},
 * on the webapps' {@code /camunda/api/engine} and on the Java API alike. Each applies to an authenticated caller
 * (a REST or webapp user); the engine's own work and our services without an authenticated user pass.
 * <ul>
 *   <li><b>Comments and attachments</b> need only READ on a task in Camunda 7. Here adding a comment, adding,
 *       changing or deleting an attachment needs what working the task needs ({@code TASK_WORK} or {@code UPDATE}),
 *       or UPDATE on the process instance for one without a task. Auditors, who read every task, change none.
 *       (Changing or deleting a comment already needs that in Camunda.)</li>
 *   <li><b>Unclaim</b>: the assignee of a task, who may work it, may give it back ({@code setAssignee(task, null)},
 *       Tasklist's "unclaim"), without {@code TASK_ASSIGN}, which would let her assign tasks to anyone.</li>
 *   <li><b>Deployments</b> by a caller (over either REST root) are refused unless
 *       {@code partner-lifecycle.engine-rest-deployments} (ENGINE_REST_DEPLOYMENTS) is true, even for the admin: a
 *       model's expressions run inside the application. The models in the jar are deployed at startup, with no
 *       caller.</li>
 *   <li><b>Own user</b>: a new user may read and update (profile, password) but not delete their own user; Camunda's
 *       default grants its owner everything. {@link StaffAuthorizations} corrects the grants of existing users.</li>
 * </ul>
 * Refusals are Camunda's {@link AuthorizationException}: 403 on both REST roots.
 */
@Component
public class EngineWriteGuards extends AbstractProcessEnginePlugin {

  private final boolean restDeployments;

  public EngineWriteGuards(@Value("${partner-lifecycle.engine-rest-deployments:true}") boolean restDeployments) {
    this.restDeployments = restDeployments;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new OwnUserWithoutDelete());
    // After the command context interceptor: the guards read the command's context (caller, entities).
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new Guard());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    List<CommandInterceptor> notRequired = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() != null) {
      notRequired.addAll(configuration.getCustomPostCommandInterceptorsTxRequiresNew());
    }
    notRequired.add(new Guard());
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(notRequired);
  }

  /** The owner of a user may read and update it (profile, password), not delete it. */
  static final class OwnUserWithoutDelete extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newUser(User user) {
      AuthorizationEntity[] defaults = super.newUser(user);
      for (AuthorizationEntity grant : defaults) {
        if (grant.getResourceType() == Resources.USER.resourceType() && Objects.equals(grant.getUserId(),
            grant.getResourceId())) {
          grant.setPermissions(StaffAuthorizations.OWN_USER_PERMISSIONS.toArray(Permissions[]::new));
        }
      }
      return defaults;
    }
  }

  private final class Guard extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (context == null || context.getAuthenticatedUserId() == null) {
        return next.execute(command);
      }
      if (command instanceof DeployCmd && !restDeployments) {
        throw new AuthorizationException("Deployments over REST are switched off here (ENGINE_REST_DEPLOYMENTS): "
            + "the process models ship with the application");
      }
      if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
        checkWork(context, field(command, "taskId"), field(command, "processInstanceId"));
      } else if (command instanceof DeleteAttachmentCmd || command instanceof SaveAttachmentCmd) {
        Attachment attachment = command instanceof SaveAttachmentCmd
            ? (Attachment) field(command, "attachment")
            : context.getDbEntityManager().selectById(AttachmentEntity.class, (String) field(command, "attachmentId"));
        if (attachment != null) {
          checkWork(context, attachment.getTaskId(), attachment.getProcessInstanceId());
        }
      } else if (command instanceof AssignTaskCmd && field(command, "userId") == null) {
        TaskEntity task = context.getTaskManager().findTaskById((String) field(command, "taskId"));
        if (task != null && context.getAuthenticatedUserId().equals(task.getAssignee())) {
          checkers(context).forEach(checker -> checker.checkTaskWork(task));
          return context.runWithoutAuthorization(() -> next.execute(command));
        }
      }
      return next.execute(command);
    }
  }

  private static void checkWork(CommandContext context, Object taskId, Object processInstanceId) {
    if (taskId != null) {
      TaskEntity task = context.getTaskManager().findTaskById((String) taskId);
      if (task != null) {
        checkers(context).forEach(checker -> checker.checkTaskWork(task));
      }
    } else if (processInstanceId != null) {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById((String) processInstanceId);
      if (instance != null) {
        checkers(context).forEach(checker -> checker.checkUpdateProcessInstance(instance));
      }
    }
  }

  private static List<CommandChecker> checkers(CommandContext context) {
    return context.getProcessEngineConfiguration().getCommandCheckers();
  }

  /** A field of one of the engine's commands (they expose none of their arguments). */
  static Object field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }
}
