import Testing
@testable import KarirCore

/// Topic-neutral words and elliptical follow-ups.
@Suite struct TopicNeutralTests {
    /// Three topics (intents 0, 1, 2 in topics 0, 1, 2); "lama" occurs in all of them equally,
    /// "kuning" only in topic 0, "rare" in too few examples to judge.
    func features() -> (TopicNeutralFeatures, lama: Int32, kuning: Int32, rare: Int32, pair: Int32, entity: Int32) {
        var b = FeatureSpace.Builder()
        let lama = b.id(.stem, "lama")!, kuning = b.id(.stem, "kuning")!, rare = b.id(.stem, "rare")!
        let pair = b.pairID(lama, kuning)!, entity = b.id(.entity, "province")!
        var docs: [SimilarityIndex.Document] = []
        for owner in Int32(0)...2 {
            for n in 0..<5 {
                var f: [(id: Int32, weight: Float)] = [(lama, 1)]
                if owner == 0 { f.append((kuning, 1)) }
                if owner == 1 && n == 0 { f.append((rare, 1)) }
                docs.append(.init(features: f, owner: owner, text: ""))
            }
        }
        docs.append(.init(features: [(id: lama, weight: Float(1))], owner: Int32.min, text: "out of scope"))
        return (TopicNeutralFeatures(documents: docs, topicOfIntent: [0, 1, 2], topics: 3, space: b.space), lama, kuning, rare, pair, entity)
    }

    @Test func neutralOnlyWhenSpreadAcrossTopics() {
        let (t, lama, kuning, rare, pair, entity) = features()
        #expect(t.neutral[Int(lama)])
        #expect(!t.neutral[Int(kuning)])
        #expect(!t.neutral[Int(rare)])      // one example: too few to judge
        #expect(t.neutral[Int(pair)])       // word order only
        #expect(!t.neutral[Int(entity)])    // names something
    }

    @Test func aWordUsedMostlyInOneTopicNamesIt() {
        let (t, lama, kuning, rare, _, entity) = features()
        #expect(t.anchor[Int(kuning)] == 0)
        #expect(t.anchor[Int(lama)] == -1)
        #expect(t.anchor[Int(rare)] == -1)   // too few examples to judge
        func query(_ ids: [Int32]) -> SimilarityIndex.Query {
            SimilarityIndex.Query(terms: ids.map { ($0, 1) }, unknownShare: 0, modelTerms: ids.map { ($0, 1) })
        }
        #expect(t.namesAnotherTopic(query([lama, kuning]), than: 1))
        #expect(!t.namesAnotherTopic(query([lama, kuning]), than: 0))
        #expect(!t.namesAnotherTopic(query([lama]), than: 1))
        #expect(t.namesAnotherTopic(query([lama, entity]), than: 1))
    }

    @Test func ellipticalMeansShortNeutralAndKnown() {
        let (t, lama, kuning, _, _, _) = features()
        func query(_ ids: [Int32], unknown: Float = 0) -> SimilarityIndex.Query {
            SimilarityIndex.Query(terms: ids.map { ($0, 1) }, unknownShare: unknown, modelTerms: ids.map { ($0, 1) })
        }
        #expect(t.isElliptical(query([lama]), words: 2))
        #expect(!t.isElliptical(query([lama, kuning]), words: 3))
        #expect(!t.isElliptical(query([lama]), words: 6))
        #expect(!t.isElliptical(query([lama], unknown: 0.5), words: 3))
        #expect(!t.isElliptical(query([]), words: 0))
    }
}
