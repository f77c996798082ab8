extension KnowledgeBase {
    /// A synthetic knowledge base `factor` times larger, for scaling benchmarks: every intent
    /// is copied `factor - 1` times under a new id, each copy's examples carrying words of its
    /// own, so the vocabulary and the index grow like real content would.
    public func scaled(by factor: Int) -> KnowledgeBase {
        guard factor > 1 else { return self }
        var kb = self
        let syllables = ["ka", "ri", "mu", "to", "le", "sa", "no", "pe", "di", "gu", "ba", "ho"]
        func word(_ n: Int, _ salt: Int) -> String {
            var x = n &* 7919 &+ salt &* 104_729, out = ""
            for _ in 0..<3 { out += syllables[abs(x) % syllables.count]; x /= syllables.count }
            return out + String(n % 97)
        }
        for copy in 1..<factor {
            for intent in intents {
                var c = intent
                c.id = "\(intent.id)_x\(copy)"
                c.followUps = []
                c.patterns = []
                c.examples = intent.examples.mapValues { list in
                    list.enumerated().map { n, e in
                        var e = e
                        e.value = e.value + " " + word(copy, n) + " " + word(copy &* 31, n + 1)
                        return e
                    }
                }
                kb.intents.append(c)
            }
        }
        return kb
    }
}

extension Engine {
    /// Builds an engine from an already loaded knowledge base (benchmarks, tools).
    public static func build(_ kb: KnowledgeBase, prompts: PromptSet) throws(LoadFailure) -> Engine {
        let (compiled, diagnostics) = CompiledKnowledge.compile(kb, prompts: prompts)
        guard let compiled else { throw LoadFailure(diagnostics: diagnostics) }
        return Engine(compiled: compiled, warnings: diagnostics, loadMilliseconds: 0)
    }
}
