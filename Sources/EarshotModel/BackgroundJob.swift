import Dispatch
import Foundation

/// One piece of work started now and collected later (`result()`), on another thread when `threads`
/// allows it, else right away on the calling thread: the caller does something else meanwhile and
/// gets the same result either way. The work must share nothing it writes with what the caller does
/// meanwhile (it owns its inputs and returns its outputs).
public final class BackgroundJob<T>: @unchecked Sendable {
    private var value: T?
    private let done = DispatchGroup()

    public init(threads: Int, _ work: @escaping () -> T) {
        guard threads > 1 else {
            value = work()
            return
        }
        done.enter()
        let job = Job(work)
        let thread = Thread { [self] in
            value = job.work()
            done.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to end and returns what it returned.
    public func result() -> T {
        done.wait()
        return value!
    }
}

/// The work handed to the job's thread (which alone calls it).
private final class Job<T>: @unchecked Sendable {
    let work: () -> T
    init(_ work: @escaping () -> T) { self.work = work }
}
