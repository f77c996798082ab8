/// Turns analysed tokens into weighted sparse features for the similarity index.
///
/// - `s:root` for every word (weight 1), `w:word` when the word differs from its root (0.4);
/// - `c:concept` for synonym sets (0.8), so "ongkos" and "biaya" meet;
/// - `e:type` for an entity mention (1), so "UMP Jawa Tengah" and "UMP Aceh" are the same question;
/// - `b:root_root` for adjacent words (0.35), a little word-order signal.
enum FeatureExtractor {
    static func features(_ tokens: [Token]) -> [String: Float] {
        var out: [String: Float] = [:]
        var previous: String?
        for t in tokens {
            if let e = t.entity {
                out["e:" + e.type, default: 0] += 1.0
                previous = "@" + e.type
                continue
            }
            out["s:" + t.stem, default: 0] += 1.0
            if t.surface != t.stem { out["w:" + t.surface, default: 0] += 0.4 }
            for c in t.concepts { out["c:" + c.name, default: 0] += 0.8 }
            if let p = previous { out["b:" + p + "_" + t.stem, default: 0] += 0.35 }
            previous = t.stem
        }
        return out
    }
}
