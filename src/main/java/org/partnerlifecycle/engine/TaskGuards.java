package org.partnerlifecycle.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rules of a task's work, enforced inside the engine so that every way in obeys them alike: {@code /engine-rest},
 * the webapps' own root {@code /camunda/api/engine} (Tasklist) and the Java API.
 * <ul>
 *   <li>A task's variables are written only through its form's input fields: any other variable is refused, naming
 *       it; the read-only fields, which Tasklist sends back as shown, are dropped (what leadership's form shows is
 *       what the process recorded, not what a reviewer sent).</li>
 *   <li>A value is what a form field submits: a string (at most 4,000 characters, the engine's column), boolean,
 *       number, date or null. Anything else would reach the engine's serializers and fail there.</li>
 *   <li>The decision checks of each task's complete listener refuse with an {@link InvalidDecisionException}; the
 *       engine wraps a listener's exception into its own, which Camunda's REST resources answer with 500 and its
 *       command context logs at ERROR with the stack trace. Inside the command context the refusal is re-thrown as
 *       a {@link BadUserRequestException} (logged by the engine at DEBUG only); outside, as the {@link TaskRefusal}
 *       type the command's REST resource answers with 4xx.</li>
 *   <li>A command on a task that does not exist is refused before it runs (Camunda's answer was 500 on the webapps'
 *       root), and so is a claim of a task someone else holds.</li>
 * </ul>
 * Each refusal is logged once, one line at INFO, without a stack trace.
 */
@Component
public class TaskGuards extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskGuards.class);
  /** The engine's column for a string variable (ACT_RU_VARIABLE.TEXT_). */
  static final int MAX_STRING = 4000;
  private static final Set<ValueType> FORM_VALUE_TYPES = Set.of(ValueType.STRING, ValueType.BOOLEAN, ValueType.SHORT,
      ValueType.INTEGER, ValueType.LONG, ValueType.DOUBLE, ValueType.DATE, ValueType.NULL);

  private final TaskForms forms;
  private ProcessEngineConfigurationImpl engine;

  public TaskGuards(TaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> outside = new ArrayList<>();
    outside.add(new Outside());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      outside.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(outside);
    List<CommandInterceptor> inside = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      inside.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    inside.add(new Inside());
    configuration.setCustomPostCommandInterceptorsTxRequired(inside);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.engine = configuration;
  }

  /** What a task command writes: the variables it sets and removes. */
  private enum Kind {
    /** Completing or submitting the task's form. */
    COMPLETE,
    /** Resolving a delegated task (also with variables). */
    RESOLVE,
    /** Writing the task's variables without completing it. */
    VARIABLES,
    /** Anything else done to one task (claim, assignee, identity links, comments, ...). */
    OTHER
  }

  /** Runs before the engine opens its command context and transaction. */
  private final class Outside extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      Kind kind = kindOf(command);
      String taskId = kind == null ? null : Commands.taskId(command);
      if (taskId == null) {
        return next.execute(command);
      }
      try {
        checkBefore(command, kind, taskId);
        return next.execute(command);
      } catch (InsideRefusal refused) {
        throw logged(refusal(kind, refused.field, 400, refused.getMessage(), refused.getCause()), command, taskId);
      } catch (TaskAlreadyClaimedException claimed) {
        throw logged(refusal(kind, "userId", 409, claimed.getMessage(), claimed), command, taskId);
      } catch (RuntimeException thrown) {
        throw thrown instanceof TaskRefusal ? logged(thrown, command, taskId) : thrown;
      }
    }
  }

  /** Runs inside the command context: a listener's refusal leaves it as a client error, not an engine failure. */
  private static final class Inside extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException thrown) {
        if (thrown instanceof InsideRefusal) {
          throw thrown;
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
          if (cause instanceof InvalidDecisionException refused) {
            throw new InsideRefusal(refused.field(), refused.getMessage(), refused);
          }
        }
        throw thrown;
      }
    }
  }

  /** A decision check's refusal inside the command context (the engine logs a BadUserRequestException at DEBUG). */
  private static final class InsideRefusal extends BadUserRequestException {
    private final String field;

    InsideRefusal(String field, String message, Throwable cause) {
      super(message, cause);
      this.field = field;
    }
  }

  private static Kind kindOf(Command<?> command) {
    if (command instanceof ResolveTaskCmd) {
      return Kind.RESOLVE;
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      return Kind.COMPLETE;
    }
    if (command instanceof SetTaskVariablesCmd || command instanceof PatchTaskVariablesCmd
        || command instanceof RemoveTaskVariablesCmd) {
      return Kind.VARIABLES;
    }
    return Commands.writesOneTask(command) ? Kind.OTHER : null;
  }

  private void checkBefore(Command<?> command, Kind kind, String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      boolean exists = engine.getCommandExecutorTxRequired()
          .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
      if (!exists) {
        throw refusal(kind, "taskId", 404, "Cannot find task " + taskId, null);
      }
      return; // the engine refuses the caller who may not see the task (403)
    }
    if (kind == Kind.OTHER) {
      if (command instanceof DeleteTaskCmd && task.getProcessInstanceId() != null) {
        throw refusal(kind, "taskId", 400, "The task cannot be deleted: it is part of a running process", null);
      }
      return;
    }
    Optional<TaskForms.Form> form = task.getProcessDefinitionId() == null ? Optional.empty()
        : forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    Map<String, Object> written = Commands.variables(command);
    if (written != null && !written.isEmpty()) {
      Map<String, Object> kept = new LinkedHashMap<>();
      for (String name : List.copyOf(written.keySet())) {
        // A VariableMap's plain get deserializes an Object value, which is what must not happen.
        Object value = written instanceof VariableMap typed ? typed.getValueTyped(name) : written.get(name);
        if (kind != Kind.VARIABLES && form.isPresent() && form.get().readOnlyFields().contains(name)) {
          continue; // sent back as shown: the process's own value stays
        }
        if (form.isPresent() && !form.get().inputFields().contains(name)) {
          throw refusal(kind, name, 400, name + " is not an input field of this task's form: a task sets only "
              + "what its form asks for", null);
        }
        checkValue(kind, name, value);
        kept.put(name, value);
      }
      if (kept.size() != written.size()) {
        Commands.replaceVariables(command, kept);
      }
    }
    if (form.isPresent()) {
      for (String removed : Commands.removals(command)) {
        if (!form.get().inputFields().contains(removed)) {
          throw refusal(kind, removed, 400, removed + " is not an input field of this task's form", null);
        }
      }
    }
  }

  private static void checkValue(Kind kind, String name, Object value) {
    Object plain = value;
    if (value instanceof TypedValue typed) {
      if (typed.getType() != null && !FORM_VALUE_TYPES.contains(typed.getType())) {
        throw refusal(kind, name, 400, name + " is a form field: its value is a String, Boolean, number, Date or "
            + "null, not " + typed.getType().getName(), null);
      }
      plain = typed.getValue();
    }
    boolean formValue = plain == null || plain instanceof String || plain instanceof Boolean || plain instanceof Date
        || plain instanceof Short || plain instanceof Integer || plain instanceof Long || plain instanceof Double;
    if (!formValue) {
      throw refusal(kind, name, 400, name + " is a form field: its value is a String, Boolean, number, Date or null",
          null);
    }
    if (plain instanceof String text && text.length() > MAX_STRING) {
      throw refusal(kind, name, 400, name + " must be at most " + MAX_STRING + " characters", null);
    }
  }

  private static RuntimeException refusal(Kind kind, String field, int status, String message, Throwable cause) {
    return switch (kind) {
      case COMPLETE -> new TaskRefusal.OfInput(field, status, message, cause);
      case VARIABLES -> new TaskRefusal.OfVariables(field, status, message);
      case RESOLVE, OTHER -> new TaskRefusal.OfRequest(field, status, message, cause);
    };
  }

  private RuntimeException logged(RuntimeException refusal, Command<?> command, String taskId) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    LOG.info("Refused {} of task {} by {}: {}", command.getClass().getSimpleName(), taskId,
        caller == null ? "the system" : caller.getUserId(), refusal.getMessage());
    return refusal;
  }

  /** The arguments of Camunda's task commands, which keep them in protected fields. */
  static final class Commands {

    /** Each command class's {@code taskId} field, looked up once (commands run on every request). */
    private static final ClassValue<Optional<Field>> TASK_ID = new ClassValue<>() {
      @Override
      protected Optional<Field> computeValue(Class<?> type) {
        return Optional.ofNullable(field(type, "taskId"));
      }
    };

    private Commands() {
    }

    static String taskId(Command<?> command) {
      if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
        return (String) read(command, "entityId");
      }
      Optional<Field> field = TASK_ID.get(command.getClass());
      return field.isEmpty() ? null : (String) read(command, field.get());
    }

    /**
     * A command of the engine's that changes one task: it names a task, and is not one of the queries and reads
     * ({@code Get…Cmd}).
     */
    static boolean writesOneTask(Command<?> command) {
      Class<?> type = command.getClass();
      return type.getName().startsWith("org.camunda.bpm.engine.impl.cmd.") && !type.getSimpleName().startsWith("Get")
          && TASK_ID.get(type).isPresent();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> variables(Command<?> command) {
      if (command instanceof CompleteTaskCmd || command instanceof AbstractSetVariableCmd
          || command instanceof AbstractPatchVariablesCmd) {
        return (Map<String, Object>) read(command, "variables");
      }
      if (command instanceof SubmitTaskFormCmd) {
        return (Map<String, Object>) read(command, "properties");
      }
      return null;
    }

    @SuppressWarnings("unchecked")
    static Collection<String> removals(Command<?> command) {
      Object names = command instanceof AbstractPatchVariablesCmd ? read(command, "deletions")
          : command instanceof AbstractRemoveVariableCmd ? read(command, "variableNames") : null;
      return names == null ? List.of() : (Collection<String>) names;
    }

    static void replaceVariables(Command<?> command, Map<String, Object> variables) {
      String name = command instanceof SubmitTaskFormCmd ? "properties" : "variables";
      Object value = command instanceof SubmitTaskFormCmd
          ? org.camunda.bpm.engine.variable.Variables.fromMap(variables) : variables;
      try {
        field(command.getClass(), name).set(command, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot filter the variables of " + command.getClass().getName(), e);
      }
    }

    private static Object read(Command<?> command, String name) {
      Field field = field(command.getClass(), name);
      if (field == null) {
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
      }
      return read(command, field);
    }

    private static Object read(Command<?> command, Field field) {
      try {
        return field.get(command);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + field, e);
      }
    }

    private static Field field(Class<?> type, String name) {
      for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
        try {
          Field field = declaring.getDeclaredField(name);
          field.setAccessible(true);
          return field;
        } catch (NoSuchFieldException e) {
          // look in the superclass
        }
      }
      return null;
    }
  }
}
