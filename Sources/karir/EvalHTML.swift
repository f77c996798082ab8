import Foundation
import KarirCore

/// A self-contained HTML page for an evaluation report: figures, per-label table and a
/// confusion heat map (expected rows × predicted columns).
enum EvalHTML {
    static func render(_ r: Evaluation.Report, title: String) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        let expected = Array(Set(r.outcomes.map(\.expected))).sorted()
        let predicted = Array(Set(r.outcomes.map(\.predicted)).union(expected)).sorted()
        var counts: [String: Int] = [:]
        for o in r.outcomes { counts[o.expected + "\u{0}" + o.predicted, default: 0] += 1 }
        var rows = ""
        for e in expected {
            let total = max(1, r.outcomes.filter { $0.expected == e }.count)
            rows += "<tr><th>\(esc(e))</th>"
            for p in predicted {
                let n = counts[e + "\u{0}" + p] ?? 0
                let share = Double(n) / Double(total)
                let color = e == p ? "rgba(30,140,60,\(share))" : "rgba(200,40,40,\(min(1, share * 2)))"
                rows += "<td style=\"background:\(color)\" title=\"\(esc(e)) → \(esc(p)): \(n)\">\(n == 0 ? "" : String(n))</td>"
            }
            rows += "</tr>\n"
        }
        let header = predicted.map { "<th class=\"v\"><span>\(esc($0))</span></th>" }.joined()
        let labels = r.labels.map { "<tr><td>\(esc($0.label))</td><td>\($0.support)</td><td>\(pct($0.precision))</td><td>\(pct($0.recall))</td></tr>" }.joined(separator: "\n")
        let confusions = r.confusions.map { "<tr><td>\($0.count)</td><td>\(esc($0.expected))</td><td>\(esc($0.predicted))</td><td>\(esc($0.examples.joined(separator: " | ")))</td></tr>" }.joined(separator: "\n")
        let wrong = r.outcomes.filter { !$0.correct }.prefix(300).map { "<tr><td>\(esc($0.text))</td><td>\(esc($0.expected))</td><td>\(esc($0.predicted))</td><td>\(String(format: "%.2f", $0.confidence))</td></tr>" }.joined(separator: "\n")
        return """
        <!doctype html><html><head><meta charset="utf-8"><title>Karir evaluation: \(esc(title))</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 4px}
        th.v{height:140px;white-space:nowrap;vertical-align:bottom}th.v span{writing-mode:vertical-rl;transform:rotate(180deg)}
        .fig{font-size:20px;margin-right:2em}</style></head><body>
        <h1>Karir evaluation</h1><p>\(esc(title)): \(r.total) questions</p>
        <p><span class="fig">accuracy \(pct(r.accuracy))</span><span class="fig">in-scope \(pct(r.inScopeAccuracy))</span>
        <span class="fig">out-of-scope recall \(pct(r.outOfScopeRecall))</span><span class="fig">out-of-scope precision \(pct(r.outOfScopePrecision))</span>
        <span class="fig">asked back \(pct(r.clarifyRate))</span></p>
        <h2>Confusion heat map (rows: expected, columns: answered)</h2><table><tr><th></th>\(header)</tr>
        \(rows)</table>
        <h2>Per label</h2><table><tr><th>label</th><th>support</th><th>precision</th><th>recall</th></tr>\(labels)</table>
        <h2>Most confused</h2><table><tr><th>n</th><th>expected</th><th>got</th><th>examples</th></tr>\(confusions)</table>
        <h2>Wrong answers</h2><table><tr><th>question</th><th>expected</th><th>got</th><th>confidence</th></tr>\(wrong)</table>
        </body></html>
        """
    }
}
