import ArgumentParser
import Foundation
import KarirCore

/// `karir bench-engine`: in-process speed of the engine (no network).
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-engine",
        abstract: "Measure the engine in-process: answers per second, latency percentiles, load time, memory.",
        discussion: "Use a release build (swift build -c release) for figures worth writing down.")

    @OptionGroup var options: KnowledgeOptions

    @Option(help: "TSV file whose first column holds the questions (default: <knowledge>/eval/dev.tsv).")
    var questions: String?

    @Option(help: "Seconds to run.")
    var seconds: Double = 5

    @Option(help: "How many times to load the knowledge for the load-time figure.")
    var loads: Int = 5

    @Option(help: "How many of the slowest questions (by their own median time) to list.")
    var slowest: Int = 5

    @Option(help: "Also measure synthetic knowledge bases this many times larger (e.g. 10,100).")
    var scales: String = ""

    func run() throws {
        // Loads with the model trained every time, then with a model cache of its own (the
        // first load fills it) but the knowledge compiled every time, then with the compiled
        // knowledge read from that cache, so that none depends on what the usual cache holds.
        let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("karir-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let cache = ModelCache(directory: cacheFolder)
        var modelsOnly = cache
        modelsOnly.keepsCompiledKnowledge = false
        var engine = try options.loadEngine(modelCache: cache)
        var figures: [(label: String, wall: Double, cpu: Double, stages: LoadStages)] = []
        for (label, setting) in [("model trained", ModelCache?.none), ("model from the cache", modelsOnly),
                                 ("compiled knowledge from the cache", cache)] {
            var loadTimes: [Double] = []
            var loadCPU: [Double] = []
            for _ in 0..<max(1, loads) {
                // The engine loaded before is freed after the clock stops: a fresh process has
                // none to free, and a server frees its old one after the swap.
                let previous = engine
                let start = DispatchTime.now()
                let cpu = cpuMicroseconds(CLOCK_PROCESS_CPUTIME_ID)
                engine = try options.loadEngine(modelCache: setting)
                loadTimes.append(ms(since: start))
                loadCPU.append((cpuMicroseconds(CLOCK_PROCESS_CPUTIME_ID) - cpu) / 1000)
                withExtendedLifetime(previous) {}
            }
            figures.append((label, median(loadTimes), median(loadCPU), engine.loadStages))
        }
        let path = questions ?? options.knowledge + "/eval/dev.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            printError("cannot read \(path)"); throw ExitCode(1)
        }
        let qs = text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
        guard !qs.isEmpty else { printError("\(path) has no questions"); throw ExitCode(1) }
        print("knowledge: \(engine.info.intents) intents, \(engine.info.examples) examples")
        for f in figures {
            print(String(format: "load (%@): median %.1f ms wall, %.1f ms CPU (all threads: files and examples are read in parallel) over %d loads",
                         f.label, f.wall, f.cpu, max(1, loads)))
        }
        for f in figures.dropFirst() {
            print("last load (\(f.label)), by stage: " + f.stages.stages.map { String(format: "%@ %.1f ms", $0.name, $0.milliseconds) }.joined(separator: ", "))
        }
        report(engine, qs, label: "1×")
        let stages = engine.stageCosts(qs, rounds: max(1, Int(seconds)))
        print(String(format: "1× per answer (CPU): analysis %.1f µs, ranking %.1f µs, dialogue rules and reply %.1f µs (whole reply %.1f µs)",
                     stages.analysis, stages.ranking, max(0, stages.reply - stages.analysis - stages.ranking), stages.reply))
        print(String(format: "1× ranking: examples looked at for %.1f of the %.1f intents a question reaches on average (the others cannot make the best ten)",
                     stages.examinedIntents, stages.reachedIntents))
        print(String(format: "RSS: %.1f MB", rssMegabytes()))

        let factors = scales.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 1 }
        guard !factors.isEmpty else { return }
        let kb = KnowledgeLoader.load(folder: options.knowledgeURL).0
        let prompts = PromptSet.load(folder: options.promptsURL).0
        for factor in factors {
            let start = DispatchTime.now()
            let big = try Engine.build(kb.scaled(by: factor), prompts: prompts)
            let build = ms(since: start)
            print(String(format: "%d×: %d intents, %d examples, built in %.0f ms", factor, big.info.intents, big.info.examples, build))
            report(big, qs, label: "\(factor)×")
            print(String(format: "RSS: %.1f MB", rssMegabytes()))
        }
    }

    func report(_ engine: Engine, _ qs: [String], label: String) {
        var latencies: [Double] = []
        latencies.reserveCapacity(200_000)
        var perQuestion = [[Double]](repeating: [], count: qs.count)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        var i = 0
        let start = DispatchTime.now()
        let cpuStart = cpuMicroseconds(CLOCK_THREAD_CPUTIME_ID)
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = engine.respond(to: qs[i % qs.count], in: Session())
            let micros = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1000
            latencies.append(micros)
            perQuestion[i % qs.count].append(micros)
            i += 1
        }
        let elapsed = ms(since: start) / 1000
        let cpu = (cpuMicroseconds(CLOCK_THREAD_CPUTIME_ID) - cpuStart) / 1e6
        guard !latencies.isEmpty else { print("\(label): no answer within \(seconds) s"); return }
        latencies.sort()
        func pct(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print(String(format: "%@: %.0f answers/s on one thread (%.0f per CPU-second); latency p50 %.1f µs, p99 %.1f µs, max %.0f µs (%d answers)",
                     label, Double(i) / elapsed, Double(i) / max(cpu, 1e-9), pct(0.5), pct(0.99), latencies.last ?? 0, i))
        // The questions that make the tail: slowest by their own median time.
        let slowestQuestions = perQuestion.enumerated().filter { !$0.element.isEmpty }
            .map { (median($0.element), qs[$0.offset]) }.sorted { $0.0 > $1.0 }.prefix(max(0, slowest))
        for (micros, q) in slowestQuestions {
            print(String(format: "  %6.1f µs  %@", micros, String(q.prefix(70))))
        }
    }

    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`: unlike wall time, not inflated
    /// by other processes) or of the whole process (`CLOCK_PROCESS_CPUTIME_ID`: the load, which
    /// runs in parallel).
    func cpuMicroseconds(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
    }

    func ms(since start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 }
    func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

    func rssMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = line.split(separator: " ").compactMap({ Double($0) }).first else { return 0 }
        return kb / 1024
    }
}
