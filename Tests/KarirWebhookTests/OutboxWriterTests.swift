import Dispatch
import Foundation
import Synchronization
import Testing
@testable import KarirWebhook

/// The hand-off from the answer path to the writer thread, with a commit that can be held up
/// like a stalled disk.
@Suite struct OutboxWriterTests {
    final class Recorder: Sendable {
        let batches = Mutex<[[String]]>([])
        let gate = DispatchSemaphore(value: 0)
        let held = Atomic<Bool>(false)

        func commit(_ items: [OutboxItem]) {
            if held.load(ordering: .acquiring) { gate.wait() }
            batches.withLock { $0.append(items.map(\.event.id)) }
        }
    }

    @Test func keepsPublishOrderAndGroupsWhatAccumulates() async throws {
        let recorder = Recorder()
        recorder.held.store(true, ordering: .releasing)
        let writer = OutboxWriter(commit: recorder.commit)
        #expect(writer.submit([OutboxItem(event: Fixtures.event(0), endpoints: ["a"])]) == .queued)
        try await Task.sleep(for: .milliseconds(50)) // the writer is now inside the held commit
        for number in 1...5 { #expect(writer.submit([OutboxItem(event: Fixtures.event(number), endpoints: ["a"])]) == .queued) }
        recorder.held.store(false, ordering: .releasing)
        recorder.gate.signal()
        writer.stop()
        let batches = recorder.batches.withLock { $0 }
        #expect(batches.flatMap { $0 } == (0...5).map { Fixtures.event($0).id })
        #expect(batches.count == 2, "the five events that arrived during a commit share the next one: \(batches)")
    }

    @Test func fullListRefusesInsteadOfGrowing() async throws {
        let recorder = Recorder()
        recorder.held.store(true, ordering: .releasing)
        let writer = OutboxWriter(commit: recorder.commit)
        let item = OutboxItem(event: Fixtures.event(0), endpoints: ["a"])
        #expect(writer.submit([item]) == .queued)
        try await Task.sleep(for: .milliseconds(50))
        let many = Array(repeating: item, count: OutboxWriter.capacity)
        #expect(writer.submit(many) == .queued)
        #expect(writer.submit([item]) == .full)
        recorder.held.store(false, ordering: .releasing)
        recorder.gate.signal()
        writer.stop()
        #expect(writer.submit([item]) == .stopped)
        #expect(recorder.batches.withLock { $0.map(\.count) } == [1, OutboxWriter.capacity])
    }
}
