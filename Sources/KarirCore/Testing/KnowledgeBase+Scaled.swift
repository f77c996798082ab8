extension KnowledgeBase {
    /// A synthetic knowledge base `factor` times larger, for scaling benchmarks. Every intent is
    /// copied `factor - 1` times under a new id; in each copy every word of four letters or more
    /// is replaced by a made-up word of that copy (the same word always by the same one), while
    /// short function words ("apa", "di", "how", "the") stay shared. So each copy reads like a
    /// new subject in the same language: the vocabulary and the index grow as real content would,
    /// and the original questions still meet the copies' common words.
    public func scaled(by factor: Int) -> KnowledgeBase {
        guard factor > 1 else { return self }
        var kb = self
        let syllables = ["ka", "ri", "mu", "to", "le", "sa", "no", "pe", "di", "gu", "ba", "ho", "ne", "ju", "wa", "si"]
        func madeUp(_ word: String, copy: Int) -> String {
            var x = UInt64(truncatingIfNeeded: copy) &* 0x9E37_79B9_7F4A_7C15
            for b in word.utf8 { x = (x ^ UInt64(b)) &* 0x100_0000_01B3 }
            var out = ""
            for _ in 0..<4 { out += syllables[Int(x % UInt64(syllables.count))]; x /= UInt64(syllables.count) }
            return out
        }
        func rewrite(_ text: String, copy: Int) -> String {
            TextNormalizer.words(text).map { $0.count >= 4 ? madeUp($0, copy: copy) : $0 }.joined(separator: " ")
        }
        for copy in 1..<factor {
            for intent in intents {
                var c = intent
                c.id = "\(intent.id)_x\(copy)"
                c.followUps = []
                c.patterns = []
                c.negatives = [:]
                c.examples = intent.examples.mapValues { list in
                    list.map { e in
                        var e = e
                        e.value = rewrite(e.value, copy: copy)
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
