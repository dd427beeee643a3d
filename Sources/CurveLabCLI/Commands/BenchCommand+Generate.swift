import CurveClassroom
import CurveExercises
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension BenchCommand {
  /// Times generating a set of ``exerciseCount`` exercises (runs, keys, worksheets, solutions)
  /// and writing it to a temporary folder, as `curvelab generate` does: ``generateRuns`` times
  /// with every core free, then as many times with one core kept busy by a spinning process.
  /// Reports the median, fastest and slowest wall time, the CPU time over the wall time (the
  /// cores used), the load average before starting (what else was running), and whether every
  /// run wrote the same bytes.
  func timeGeneration(output: inout some TextOutputStream) throws {
    let spec = ExerciseSetSpec(count: exerciseCount, seed: 1)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    output.write(
      "Generate: \(exerciseCount) exercises (mix \(spec.mix.text), \(spec.difficulty.rawValue)) "
        + "with keys, worksheets and solutions, written to a temporary folder\n")
    output.write(
      "  \(cores) cores, \(ExerciseSet.defaultWorkers) worker threads; load average before: "
        + "\(Self.loadAverage() ?? "unknown")\n")
    var digests: Set<UInt64> = []
    var generated: [ExerciseSet] = []
    for busy in [false, true] {
      let spinner = busy ? try Self.startSpinner() : nil
      var walls: [Double] = []
      var cpus: [Double] = []
      var phases: [[(wall: Double, cpu: Double)]] = []
      var redraws = 0
      var fileCount = 0
      for run in 0..<generateRuns {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
          "curvelab-bench-set-\(ProcessInfo.processInfo.processIdentifier)-\(busy)-\(run)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The steps of SetBuild and of writing it, timed one by one.
        var marks = [(DispatchTime.now().uptimeNanoseconds, Self.cpuSeconds())]
        func mark() { marks.append((DispatchTime.now().uptimeNanoseconds, Self.cpuSeconds())) }
        let sets = try ExerciseSet.generate(spec, students: [nil])
        generated = sets
        mark()
        let files = SetLayout.files(
          for: sets, folders: [nil],
          manifest: SetManifest(spec: spec, command: "curvelab bench --only generate"))
        mark()
        try SetDirectory(path: folder.path).write(files)
        mark()
        let steps = zip(marks, marks.dropFirst()).map {
          (wall: Double($1.0 - $0.0) / 1e9, cpu: $1.1 - $0.1)
        }
        walls.append(steps.reduce(0) { $0 + $1.wall })
        cpus.append(steps.reduce(0) { $0 + $1.cpu })
        phases.append(steps)
        redraws = sets.reduce(0) { $0 + $1.redraws }
        fileCount = files.count
        digests.insert(Self.digest(files))
      }
      spinner?.terminate()
      spinner?.waitUntilExit()
      let spread = Spread(walls)
      let cpu = cpus.reduce(0, +) / Double(cpus.count)
      let wall = walls.reduce(0, +) / Double(walls.count)
      let condition = busy ? "one core busy" : "cores free   "
      let runs = "\(generateRuns) run" + (generateRuns == 1 ? "" : "s")
      let rate = Int((Double(exerciseCount) / spread.median).rounded())
      var line = "  \(condition): median \(secs(spread.median)) s "
      line += "(\(runs), \(secs(spread.minimum))-\(secs(spread.maximum)) s); \(rate) exercises/s; "
      line += "CPU \(secs(cpu)) s = \(secs(cpu / wall)) cores; \(fileCount) files, "
      line += "\(redraws) candidates redrawn\n"
      // The run at the median (the faster of the two middle ones for an even count).
      let order = walls.indices.sorted { walls[$0] < walls[$1] }
      let middle = phases[order[(order.count - 1) / 2]]
      let names = ["training and keying", "rendering", "writing"]
      line += "    middle run, wall (CPU) s: " + zip(names, middle).map {
        "\($0) \(secs($1.wall)) (\(secs($1.cpu)))"
      }.joined(separator: ", ") + "\n"
      output.write(line)
    }
    output.write(
      "  every run wrote the same bytes: \(digests.count == 1 ? "yes" : "NO (\(digests.count) versions)")\n")
    output.write(Self.causeQuestionFigures(generated.flatMap(\.exercises)))
  }

  /// How the cause question fared in a generated set: how often it is asked on the runs whose
  /// pattern calls for it, how often the engine names the cause rather than narrowing it, and
  /// how the key (the engine's reading) compares with the cause the simulator drew the run
  /// for. The key is the engine's by design; the comparison says how often a learner who
  /// knew the truth would be marked down.
  static func causeQuestionFigures(_ exercises: [GeneratedExercise]) -> String {
    let eligible = exercises.filter { ExerciseKey.causePatterns.contains($0.solved.key.pattern) }
    let asked = eligible.filter { $0.solved.exercise.questions.contains(.cause) }
    guard !eligible.isEmpty else { return "" }
    var named = 0
    var keyedTrue = 0
    var creditedTrue = 0
    for exercise in asked {
      guard let key = exercise.solved.key.causeAnswer else { continue }
      if key.isNamed { named += 1 }
      let recipe = exercise.recipe
      guard let truth = recipe.cause ?? recipe.scenario.cause(seed: recipe.seed) else { continue }
      if key.answer == truth { keyedTrue += 1 }
      if key.credit(for: truth) > 0 { creditedTrue += 1 }
    }
    func share(_ count: Int, _ total: Int) -> String {
      "\(count) of \(total) (\(total > 0 ? Int((Double(count) / Double(total) * 100).rounded()) : 0)%)"
    }
    var text = "  cause question: asked on \(share(asked.count, eligible.count)) underfitting and "
    text += "erratic exercises;\n    the engine names the cause in \(share(named, asked.count)); "
    text += "the keyed cause is the simulator's drawn\n    cause in \(share(keyedTrue, asked.count)), "
    text += "and the drawn cause earns credit in \(share(creditedTrue, asked.count))\n"
    return text
  }

  /// The process's CPU time so far, user and system, in seconds.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// The 1-, 5- and 15-minute load averages, where the system reports them.
  static func loadAverage() -> String? {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return nil }
    return loads.map { String(($0 * 100).rounded() / 100) }.joined(separator: ", ")
  }

  /// A process that keeps one core busy until terminated.
  static func startSpinner() throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "while :; do :; done"]
    try process.run()
    return process
  }

  /// FNV-1a over every file's path and contents, to compare runs.
  static func digest(_ files: [SetFile]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for file in files {
      for byte in file.path.utf8 + [0] + file.contents.utf8 + [0] {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    return hash
  }
}
