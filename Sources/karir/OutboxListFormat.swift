import Foundation
import KarirWebhook

/// How `karir outbox list` prints deliveries.
enum OutboxListFormat {
    static func table(_ rows: [OutboxEntry], now: Date) -> String {
        let header = ["ID", "ENDPOINT", "TYPE", "EVENT", "ATTEMPTS", rows.first?.state == .dead ? "DIED" : "NEXT", "LAST ERROR"]
        let lines = rows.map { row -> [String] in
            [String(row.id), row.endpoint, row.type.rawValue, row.eventID, String(row.attempts),
             row.state == .dead ? "" : row.queuedBehindEarlier ? "queued" : when(row.nextAttemptAt, now: now),
             String((row.lastError ?? "").prefix(70))]
        }
        var widths = header.map(\.count)
        for line in lines {
            for (index, cell) in line.enumerated() { widths[index] = max(widths[index], min(cell.count, 48)) }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([render(header)] + lines.map(render)).joined(separator: "\n")
    }

    static func json(_ row: OutboxEntry) -> String {
        var object: [String: Any] = [
            "id": row.id, "endpoint": row.endpoint, "event_id": row.eventID, "type": row.type.rawValue,
            "state": row.state.rawValue, "queued_behind_earlier": row.queuedBehindEarlier, "attempts": row.attempts,
            "next_attempt_at": row.nextAttemptAt.formatted(.iso8601), "created_at": row.createdAt.formatted(.iso8601),
        ]
        if let error = row.lastError { object["last_error"] = error }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func when(_ date: Date, now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        if seconds <= 0 { return "due" }
        if seconds < 120 { return "in \(Int(seconds.rounded()))s" }
        if seconds < 7200 { return "in \(Int((seconds / 60).rounded()))m" }
        return "in \(Int((seconds / 3600).rounded()))h"
    }
}
