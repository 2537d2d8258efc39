package cn.worksafety.credit.sanction.application;

import cn.worksafety.credit.sanction.model.SanctionTask;
import java.util.List;
import java.util.Optional;

/** Where sanction tasks are kept, one per listing and department. */
public interface SanctionTasks {

  /** False when the task (same listing, same department) exists already. */
  boolean addIfAbsent(SanctionTask task);

  /** Stores {@code changed} if the stored task is still at {@code changed.version() - 1}. */
  boolean save(SanctionTask changed);

  Optional<SanctionTask> find(String id);

  List<SanctionTask> ofEntry(String entryId);

  /** Every task, by id. */
  List<SanctionTask> all();
}
