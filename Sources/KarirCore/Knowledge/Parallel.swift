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

extension Parallel {
    /// Runs `first` and `second` at the same time (on two cores when there are two) and returns
    /// both results once both have finished.
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                // Each iteration writes only its own result, and `concurrentPerform` returns
                // after both: no two threads touch the same memory.
                nonisolated(unsafe) var a: A?
                nonisolated(unsafe) var b: B?
                nonisolated(unsafe) let runFirst = first
                nonisolated(unsafe) let runSecond = second
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { a = runFirst() } else { b = runSecond() }
                }
                guard let a, let b else { preconditionFailure("concurrentPerform returns after every iteration") }
                return (a, b)
            }
        }
    }
}
