import Dispatch
import Foundation

/// Computes independent results on several threads and returns them in index order, so callers stay
/// deterministic: the same results, in the same order, on one thread or many.
///
/// Each index is computed by exactly one thread and stored in its own slot object (no two threads
/// ever write the same memory). `body` may run on several threads at once: it must only read what it
/// shares (the callers' bodies read the model and write nothing outside their own locals). With
/// `threads` 1, or fewer than two items, it runs on the calling thread.
public enum ParallelMap {
    /// `body(0) … body(count - 1)`, spread over up to `threads` threads in contiguous batches.
    public static func map<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        guard threads > 1, count > 1 else { return (0..<count).map(body) }
        let batches = min(threads, count)
        let slots = (0..<batches).map { _ in Slot<[T]>() }
        return withoutActuallyEscaping(body) { body in
            let work = Work(body)
            DispatchQueue.concurrentPerform(iterations: batches) { b in
                let range = (count * b / batches)..<(count * (b + 1) / batches)
                slots[b].value = range.map(work.body)
            }
            return slots.flatMap { $0.value! }
        }
    }

    /// Like `map`, one item per task (for a few uneven pieces of work, such as report files).
    public static func each<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        guard threads > 1, count > 1 else { return (0..<count).map(body) }
        let slots = (0..<count).map { _ in Slot<T>() }
        return withoutActuallyEscaping(body) { body in
            let work = Work(body)
            DispatchQueue.concurrentPerform(iterations: count) { i in slots[i].value = work.body(i) }
            return slots.map { $0.value! }
        }
    }

    /// The number of threads a run uses: `EARSHOT_THREADS` when set to 1 or more, else the processors.
    public static func threads(environment: [String: String]) -> Int {
        if let n = environment["EARSHOT_THREADS"].flatMap(Int.init), n >= 1 { return n }
        return ProcessInfo.processInfo.activeProcessorCount
    }
}

/// One result, written by the one thread that computes it.
private final class Slot<T>: @unchecked Sendable {
    var value: T?
}

/// The work of one `ParallelMap` call, handed to its threads (which only read through it).
private final class Work<T>: @unchecked Sendable {
    let body: (Int) -> T
    init(_ body: @escaping (Int) -> T) { self.body = body }
}
