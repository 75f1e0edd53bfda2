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

    /// One result slot per worker; each worker writes only its own.
    private final class Slots<T>: @unchecked Sendable {
        private var buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func set(_ index: Int, _ value: T) { buffer[index] = value }

        var values: [T] { buffer.map { $0! } }
    }
}
