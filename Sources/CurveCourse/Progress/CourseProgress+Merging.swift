extension CourseProgress {
  /// This window's changes (from its baseline to `self`) applied on top of `file`: what the
  /// progress file holds now, possibly saved by another window since this one read it.
  ///
  /// Nothing another window recorded is lost: lessons read, exercise and quiz attempts and
  /// predictions are a union, attempts counted in both windows add up, and best scores keep
  /// the higher one. Where both windows changed the same thing (the page of a lesson, an
  /// answer, the unfinished quiz), this window's change, the latest one saved, wins. Something
  /// this window removed (`curvelab reset`) is removed from the file too.
  ///
  /// ```swift
  /// // Window A read lesson 1; window B, since A loaded, read lesson 5 and saved.
  /// windowA.merged(onto: file).lessons.keys.sorted()  // ["lesson-1", "lesson-5"]
  /// ```
  func merged(onto file: CourseProgress) -> CourseProgress {
    let base = baseline?.progress ?? CourseProgress()
    var result = file
    result.baseline = nil
    result.lessons = Self.merge(base.lessons, lessons, file.lessons) { mine, theirs, _ in
      LessonState(isFinished: mine.isFinished || theirs?.isFinished == true, page: mine.page)
    }
    if lastLesson != base.lastLesson { result.lastLesson = lastLesson }
    result.quizzes = Self.merge(base.quizzes, quizzes, file.quizzes) { mine, theirs, was in
      guard let theirs else { return mine }
      var merged = theirs
      merged.attempts = theirs.attempts + max(0, mine.attempts - (was?.attempts ?? 0))
      if mine.best >= theirs.best {
        merged.best = mine.best
        merged.questionCount = mine.questionCount
      }
      if mine.unfinished != was?.unfinished { merged.unfinished = mine.unfinished }
      return merged
    }
    result.exercises = Self.merge(base.exercises, exercises, file.exercises) { mine, theirs, was in
      guard let theirs else { return mine }
      return ExerciseState(
        attempts: theirs.attempts + max(0, mine.attempts - (was?.attempts ?? 0)),
        best: max(mine.best, theirs.best),
        lastAnswer: mine.lastAnswer != was?.lastAnswer ? mine.lastAnswer : theirs.lastAnswer)
    }
    result.predictions = Self.merge(base.predictions, predictions, file.predictions) { mine, _, _ in
      mine
    }
    return result
  }

  /// A three-way merge of one table: entries this window did not change come from `file`;
  /// entries it removed are removed; entries it changed are combined by `combine(mine, file's,
  /// base's)`.
  private static func merge<Value: Equatable>(
    _ base: [String: Value], _ mine: [String: Value], _ file: [String: Value],
    combine: (Value, Value?, Value?) -> Value
  ) -> [String: Value] {
    var result = file
    for key in Set(base.keys).union(mine.keys) where mine[key] != base[key] {
      if let value = mine[key] {
        result[key] = combine(value, file[key], base[key])
      } else {
        result[key] = nil
      }
    }
    return result
  }
}
