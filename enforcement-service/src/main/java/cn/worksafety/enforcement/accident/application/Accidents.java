package cn.worksafety.enforcement.accident.application;

import cn.worksafety.enforcement.accident.model.Accident;
import cn.worksafety.enforcement.accident.model.AccidentEvent;
import cn.worksafety.enforcement.accident.model.AccidentGrade;
import cn.worksafety.platform.web.PageView;
import java.util.List;
import java.util.Optional;

/** Where accidents are kept. */
public interface Accidents {

  void add(Accident accident, List<AccidentEvent> events);

  Optional<Accident> find(String id);

  /** Stores {@code changed} in place of the version before it, with its events; false if that version is gone. */
  boolean update(Accident changed, List<AccidentEvent> events);

  PageView<Accident> list(String regionScope, AccidentGrade grade, int offset, int limit);
}
