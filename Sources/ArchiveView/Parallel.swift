import Foundation

/// Work shared between the cores: `workers` threads, each taking every `workers`-th item.
enum Parallel {
    /// How many workers for `count` items: one per core, but not for fewer than `minimumPerWorker` items each.
    static func workers(for count: Int, minimumPerWorker: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumPerWorker)))
    }

    /// Runs `work(worker)` on each of `workers` threads and returns the results in worker order.
    static func run<T>(workers: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: workers)
        if workers == 1 {
            slots.set(0, work(0))
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in slots.set(worker, work(worker)) }
        }
        return slots.values
    }

    /// One result slot per worker; each worker writes only its own, once, at its end.
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

        var values: [T] { lock.withLock { slots.map { $0! } } }
    }
}
