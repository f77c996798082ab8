import Dispatch

/// Work spread over all cores while a knowledge base loads (reading files, analysing
/// examples, stemming the vocabulary). Results keep the order of the input, so a load gives
/// the same knowledge however the work was scheduled.
enum Parallel {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                // Each iteration writes only its own slot, and `concurrentPerform` returns after
                // the last one: no two threads touch the same memory.
                nonisolated(unsafe) let out = base
                nonisolated(unsafe) let input = items
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: items.count) { i in
                    (out + i).initialize(to: work(input[i]))
                }
                initialized = items.count
            }
        }
    }
}
