import Foundation

/// Work shared between the cores: `workers` threads, each taking every `workers`-th item.
public enum Parallel {
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

    /// `transform` of each item, in the items' order, the items shared between the cores (one worker for
    /// fewer than `minimumPerWorker` items).
    public static func map<Item: Sendable, Result>(
        _ items: [Item], minimumPerWorker: Int, _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        let workers = workers(for: items.count, minimumPerWorker: minimumPerWorker)
        let parts = run(workers: workers) { worker -> [(Int, Result)] in
            stride(from: worker, to: items.count, by: workers).map { ($0, transform(items[$0])) }
        }
        return parts.flatMap { $0 }.sorted { $0.0 < $1.0 }.map(\.1)
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
